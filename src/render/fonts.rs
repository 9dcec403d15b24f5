//! The fonts a document is laid out with: the embedded Liberation Serif, or a family (by
//! default Times New Roman) read from a folder the user points to with `--font-dir`. Only the
//! faces: Typst's engine for them is built on the engine's side (`pdf::FontSet`).

use crate::error::Error;
use std::path::Path;
use typst::foundations::Bytes;
use typst::text::{Font, FontStyle, FontWeight};

/// Liberation Serif (metric-compatible with Times New Roman, SIL OFL), from `fonts/`.
const EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The family ND 30 names, looked for in a `--font-dir` folder when no other is asked for.
pub const TIMES_NEW_ROMAN: &str = "Times New Roman";

/// One family in its four styles, parsed for Typst.
#[derive(Debug, Clone)]
pub struct FontFamily {
    family: String,
    fonts: Vec<Font>,
}

impl FontFamily {
    /// The embedded Liberation Serif, parsed (callers keep it: see `pdf::FontSet::embedded`).
    pub fn embedded() -> FontFamily {
        FontFamily {
            family: "Liberation Serif".to_owned(),
            fonts: EMBEDDED
                .iter()
                .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
                .collect(),
        }
    }

    /// Reads `family` (Times New Roman when `None`) from the font files in `dir` and its
    /// subfolders. The four styles (regular, bold, italic, bold italic) must all be there: a
    /// missing one would otherwise be faked or taken from another font.
    pub fn from_dir(dir: &Path, family: Option<&str>) -> Result<FontFamily, Error> {
        let wanted = family.unwrap_or(TIMES_NEW_ROMAN);
        let shown = dir.display().to_string();
        let mut files = Vec::new();
        collect_font_files(dir, 0, &mut files).map_err(|e| Error::io(&shown, "đọc", &e))?;
        files.sort();
        let mut found: Vec<Font> = Vec::new();
        let mut families: Vec<String> = Vec::new();
        for file in &files {
            let Ok(bytes) = std::fs::read(file) else {
                continue;
            };
            for font in Font::iter(Bytes::new(bytes)) {
                let name = font.info().family.clone();
                if name.eq_ignore_ascii_case(wanted) {
                    found.push(font);
                } else if !families.contains(&name) {
                    families.push(name);
                }
            }
        }
        if found.is_empty() {
            families.sort();
            let seen = if families.is_empty() {
                "không có tệp phông chữ nào (.ttf, .otf, .ttc)".to_owned()
            } else {
                format!("chỉ có: {}", families.join(", "))
            };
            return Err(Error::Io {
                file: shown,
                message: format!("không tìm thấy phông chữ `{wanted}` trong thư mục này ({seen})"),
            });
        }
        let has = |bold: bool, italic: bool| {
            found.iter().any(|f| {
                let v = f.info().variant;
                (v.weight >= FontWeight::SEMIBOLD) == bold
                    && (v.style != FontStyle::Normal) == italic
            })
        };
        let missing: Vec<&str> = [
            (false, false, "thường (Regular)"),
            (true, false, "đậm (Bold)"),
            (false, true, "nghiêng (Italic)"),
            (true, true, "đậm nghiêng (Bold Italic)"),
        ]
        .into_iter()
        .filter(|(b, i, _)| !has(*b, *i))
        .map(|(_, _, name)| name)
        .collect();
        if !missing.is_empty() {
            return Err(Error::Io {
                file: shown,
                message: format!(
                    "phông chữ `{wanted}` thiếu kiểu {}; văn bản cần đủ bốn kiểu",
                    missing.join(", ")
                ),
            });
        }
        Ok(FontFamily {
            family: found[0].info().family.clone(),
            fonts: found,
        })
    }

    /// The family name templates set the text in.
    pub fn family(&self) -> &str {
        &self.family
    }

    /// The parsed faces.
    pub fn fonts(&self) -> &[Font] {
        &self.fonts
    }
}

/// Font files under `dir`, down to a few levels of subfolders (font folders are shallow; the
/// limit keeps a symlink loop from running forever).
fn collect_font_files(
    dir: &Path,
    depth: usize,
    out: &mut Vec<std::path::PathBuf>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if depth < 4 {
                collect_font_files(&path, depth + 1, out)?;
            }
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            )
        }) {
            out.push(path);
        }
    }
    Ok(())
}
