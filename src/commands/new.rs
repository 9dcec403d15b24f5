//! `vanban new KIND [FILE]`: a commented starter spec for one kind of programme, with the
//! issuers, place and year given on the command line and «…» placeholders for the rest (which
//! `vanban check` reports until they are filled in). It renders as it is. The JSON Schema its
//! first line names is written beside it when missing.

use crate::error::Error;
use crate::kind::{Kind, Legal, Starter};
use std::path::{Path, PathBuf};

/// The parts every starter includes (`{% include "_dau.yaml.tera" %}`), embedded. The starters
/// themselves are named in [`crate::kind::KINDS`].
const PARTS: &[(&str, &str)] = &[
    (
        "_dau.yaml.tera",
        include_str!("../../templates/starters/_dau.yaml.tera"),
    ),
    (
        "_cuoi.yaml.tera",
        include_str!("../../templates/starters/_cuoi.yaml.tera"),
    ),
];

/// What `vanban new` was asked for, as given on the command line.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Request {
    /// Loại văn bản (xem danh sách dưới).
    #[arg(value_name = "LOẠI")]
    pub kind: String,
    /// Tệp cần tạo (mặc định: LOẠI.yaml trong thư mục hiện tại).
    #[arg(value_name = "TỆP_YAML")]
    pub file: Option<PathBuf>,
    /// Một cơ quan ban hành, dạng "Tên cơ quan:VIẾT TẮT"; cơ quan chủ trì ghi trước. Lặp lại
    /// cho từng cơ quan.
    #[arg(long = "ben", value_name = "CƠ_QUAN")]
    pub issuers: Vec<String>,
    /// Địa danh ghi ở dòng ngày tháng (ví dụ "Nghệ An").
    #[arg(long = "dia-danh", value_name = "ĐỊA_DANH")]
    pub place: Option<String>,
    /// Năm ban hành.
    #[arg(long = "nam", value_name = "NĂM")]
    pub year: Option<i32>,
    /// Ghi đè tệp đã có.
    #[arg(long)]
    pub force: bool,
}

/// One issuer as the starter writes it.
#[derive(Debug, Clone, serde::Serialize)]
struct Issuer {
    id: String,
    name: String,
    abbr: String,
}

/// Runs `vanban new`; returns the exit code (0 written, 2 misuse or a file problem).
pub fn run(request: &Request) -> u8 {
    match write(request) {
        Ok(path) => {
            println!("đã tạo {}", path.display());
            let schema = path.with_file_name(SCHEMA_FILE);
            println!(
                "đã ghi {} (lược đồ cho trình soạn thảo, xem docs/lenh.md, mục \"Soạn trong VS Code\")",
                schema.display()
            );
            println!(
                "Điền các chỗ «…», kiểm tra bằng `vanban check {0}`, trình bày bằng `vanban render {0}`.",
                path.display()
            );
            0
        }
        Err(err) => {
            eprintln!("{err}");
            2
        }
    }
}

/// The JSON Schema file written beside every starter, named in its first line.
pub const SCHEMA_FILE: &str = "vanban.schema.json";

/// Makes the starter text and writes it (never over an existing file unless forced).
pub fn write(request: &Request) -> Result<PathBuf, Error> {
    let (_, starter) = starter(&request.kind)?;
    let path = request
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.yaml", starter.name)));
    let shown = path.display().to_string();
    if path.exists() && !request.force {
        return Err(Error::Io {
            file: shown,
            message: "tệp đã có; không ghi đè (thêm --force để thay tệp cũ)".to_owned(),
        });
    }
    let text = starter_text(request, &path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&shown, "tạo thư mục cho", &e))?;
    crate::files::write_atomic(&path, text.as_bytes())?;
    // The starter's first line points the editor to this file.
    crate::commands::schema::write(&dir.join(SCHEMA_FILE))?;
    Ok(path)
}

/// The starter for a command-line kind name (or a spec kind), or a Vietnamese error listing
/// them all.
fn starter(kind: &str) -> Result<(Kind, &'static Starter), Error> {
    let wanted = kind.trim().to_lowercase();
    crate::kind::starters()
        .find(|(k, s)| s.name == wanted || k.key() == wanted)
        .ok_or_else(|| {
            let hint =
                crate::suggest::did_you_mean(&wanted, crate::kind::starters().map(|(_, s)| s.name));
            Error::Io {
                file: kind.to_owned(),
                message: format!(
                    "không có mẫu khởi đầu loại này{hint}. Các loại:\n{}",
                    list()
                ),
            }
        })
}

/// The starters, one a line: name and what it makes (the error above and `vanban new --help`).
pub fn list() -> String {
    crate::kind::starters()
        .map(|(_, s)| format!("  {:<18} {}", s.name, s.description))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text after `vanban new --help`'s options: the starters and an example.
pub fn help() -> String {
    format!(
        "Loại:\n{}\nVí dụ: vanban new quy-che qc.yaml --ben \"Sở Tư pháp:STP\" --ben \"Công an tỉnh:CAT\" \
         --dia-danh \"Nghệ An\" --nam 2026",
        list()
    )
}

/// The current year, by the system clock (UTC).
fn this_year() -> i32 {
    use chrono::Datelike;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(now).unwrap_or(0), 0).map_or(1970, |t| t.year())
}

/// The text of the starter for `request`, to be written at `path`.
pub fn starter_text(request: &Request, path: &Path) -> Result<String, Error> {
    let (kind, starter) = starter(&request.kind)?;
    let issuers = issuers(&request.issuers)?;
    let year = request.year.unwrap_or_else(this_year);
    let years = crate::check::values::YEARS;
    if !years.contains(&year) {
        return Err(Error::Io {
            file: "--nam".to_owned(),
            message: format!(
                "năm {year} không hợp lý: cần từ {} đến {}",
                years.start(),
                years.end()
            ),
        });
    }
    // A starter is administrative unless its kind is always a legal document.
    let legal = kind.legal() == Legal::Always;
    let symbol = kind.symbol(
        legal.then_some(year),
        issuers.iter().map(|i| i.abbr.as_str()),
    );
    let names: Vec<&str> = issuers.iter().map(|i| i.name.as_str()).collect();
    let mut context = tera::Context::new();
    context.insert("starter", starter.name);
    context.insert("kind", kind.key());
    context.insert("label", kind.label());
    context.insert("file", &path.display().to_string());
    context.insert("year", &year);
    context.insert("symbol", &symbol);
    let title = if kind.enacting() {
        "Ban hành Quy chế phối hợp «trong công tác …»".to_owned()
    } else if legal {
        "«Hướng dẫn …»".to_owned()
    } else {
        format!("«phối hợp trong công tác …» giữa {}", names.join(" và "))
    };
    context.insert("title", &title);
    context.insert(
        "place",
        request
            .place
            .as_deref()
            .unwrap_or("«Địa danh, ví dụ Nghệ An»"),
    );
    context.insert("issuers", &issuers);
    context.insert("heading", &names.join(" - "));
    let abbrs: Vec<&str> = issuers.iter().map(|i| i.abbr.as_str()).collect();
    context.insert("archive", &format!("Lưu: VT {}", abbrs.join(", ")));
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![]);
    tera.add_raw_templates(
        PARTS
            .iter()
            .copied()
            .chain([(starter.file, starter.template)]),
    )
    .expect("embedded starters parse");
    tera.register_filter("yaml", yaml_string);
    tera.register_filter("line", one_line);
    crate::render::no_environment(&mut tera);
    tera.render(starter.file, &context)
        .map_err(|e| Error::Failed {
            file: starter.file.to_owned(),
            message: format!("lỗi mẫu khởi đầu: {e}"),
        })
}

/// Issuers from `--ben "Tên:VIẾT TẮT"` (the abbreviation is made from the initials when
/// absent); two placeholder bodies when none are given.
fn issuers(given: &[String]) -> Result<Vec<Issuer>, Error> {
    if given.is_empty() {
        return Ok(vec![
            placeholder_issuer(1, "«Tên cơ quan chủ trì»"),
            placeholder_issuer(2, "«Tên cơ quan phối hợp»"),
        ]);
    }
    let mut out: Vec<Issuer> = Vec::new();
    for (n, item) in given.iter().enumerate() {
        let (name, abbr) = match item.rsplit_once(':') {
            Some((name, abbr)) => (name.trim(), abbr.trim().to_owned()),
            None => (item.trim(), crate::vietnamese::initials(item)),
        };
        if name.is_empty() || abbr.is_empty() {
            return Err(Error::Io {
                file: "--ben".to_owned(),
                message: format!(
                    "`{item}` chưa đúng dạng \"Tên cơ quan:VIẾT TẮT\", ví dụ --ben \"Sở Tư pháp:STP\""
                ),
            });
        }
        let mut id = slug(&abbr);
        if id.is_empty() || out.iter().any(|i| i.id == id) {
            id = format!("ben-{}", n + 1);
        }
        out.push(Issuer {
            id,
            name: name.to_owned(),
            abbr,
        });
    }
    Ok(out)
}

fn placeholder_issuer(n: usize, name: &str) -> Issuer {
    Issuer {
        id: format!("ben-{n}"),
        name: name.to_owned(),
        abbr: format!("BEN{n}"),
    }
}

/// An id for an abbreviation: ASCII letters and digits, lower case.
fn slug(abbr: &str) -> String {
    abbr.chars()
        .map(crate::vietnamese::ascii_letter)
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Tera filter: a YAML double-quoted scalar holding the value exactly.
fn yaml_string(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = filter_input(value);
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || LINE_BREAKS.contains(&c) || c == '\u{FEFF}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Ok(tera::Value::String(out))
}

/// The text a Tera filter is given: a string as it is, any other value as JSON.
fn filter_input(value: &tera::Value) -> String {
    value
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| value.to_string())
}

/// What a YAML reader or an editor may take as the end of a line.
const LINE_BREAKS: [char; 5] = ['\n', '\r', '\u{0085}', '\u{2028}', '\u{2029}'];

/// Tera filter `line`: a value on one line (for comments and block scalars), each line break
/// and control character a space, a byte order mark left out.
fn one_line(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = filter_input(value);
    let line = text
        .chars()
        .filter(|&c| c != '\u{FEFF}')
        .map(|c| {
            if c.is_control() || LINE_BREAKS.contains(&c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    Ok(tera::Value::String(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_ids_follow_vietnamese_usage() {
        assert_eq!(slug("ĐPTTH"), "dptth");
        let got = issuers(&["Sở Tư pháp:STP".into(), "Công an tỉnh".into()]).unwrap();
        let pairs: Vec<(&str, &str)> = got
            .iter()
            .map(|i| (i.id.as_str(), i.abbr.as_str()))
            .collect();
        assert_eq!(pairs, [("stp", "STP"), ("cat", "CAT")]);
        assert!(issuers(&[":STP".into()]).is_err());
    }
}
