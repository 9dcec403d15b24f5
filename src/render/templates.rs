//! The Tera templates and the two text outputs they make. The templates are embedded in the
//! binary; a house-style folder (`--templates DIR`, or `templates/` beside the spec) may replace
//! any of them, replace the ND 30 style file, or add `typst/house.typ`, which is placed after
//! the style file so that it can redefine single drawing functions. Templates print user text
//! through the renderers' filters: `{{ x | typst }}`, `{{ x | md }}`, `{{ x | typst_str }}`.

use crate::document::Document;
use crate::error::Error;
use std::path::Path;
use std::sync::OnceLock;

/// Templates by file name under `templates/`: a document template per target with partials
/// for its parts. The Tera name is the file name without `.tera`.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "typst/document.typ.tera",
        include_str!("../../templates/typst/document.typ.tera"),
    ),
    (
        "typst/body.typ.tera",
        include_str!("../../templates/typst/body.typ.tera"),
    ),
    (
        "typst/head.typ.tera",
        include_str!("../../templates/typst/head.typ.tera"),
    ),
    (
        "typst/appendix.typ.tera",
        include_str!("../../templates/typst/appendix.typ.tera"),
    ),
    (
        "typst/ending.typ.tera",
        include_str!("../../templates/typst/ending.typ.tera"),
    ),
    (
        "typst/comparison.typ.tera",
        include_str!("../../templates/typst/comparison.typ.tera"),
    ),
    (
        "markdown/document.md.tera",
        include_str!("../../templates/markdown/document.md.tera"),
    ),
    (
        "markdown/body.md.tera",
        include_str!("../../templates/markdown/body.md.tera"),
    ),
    (
        "markdown/appendix.md.tera",
        include_str!("../../templates/markdown/appendix.md.tera"),
    ),
    (
        "markdown/ending.md.tera",
        include_str!("../../templates/markdown/ending.md.tera"),
    ),
    (
        "markdown/comparison.md.tera",
        include_str!("../../templates/markdown/comparison.md.tera"),
    ),
];

/// The ND 30 style file, inlined into every Typst source so that the source compiles alone.
const STYLE_FILE: &str = "typst/nd30.typ";
const STYLE: &str = include_str!("../../templates/typst/nd30.typ");

/// Optional house additions, placed after the style file (redefines single functions).
const HOUSE_FILE: &str = "typst/house.typ";

/// A complete set of templates: the embedded ones, with a house folder's files in their place.
#[derive(Debug)]
pub struct Templates {
    tera: tera::Tera,
    style: String,
    house: String,
    /// The folder the overrides came from, for messages.
    origin: Option<String>,
}

impl Templates {
    /// The embedded templates, parsed once per process.
    pub fn embedded() -> &'static Templates {
        static SET: OnceLock<Templates> = OnceLock::new();
        SET.get_or_init(|| {
            Templates::build(Vec::new(), STYLE.to_owned(), String::new(), None)
                .expect("embedded templates parse")
        })
    }

    /// The embedded templates with every file of `dir` in place of the one of the same name
    /// (`typst/document.typ.tera`, `typst/nd30.typ`, `typst/house.typ`, …). A file the program
    /// does not know is an error listing the names it knows, so a misspelt override never goes
    /// unnoticed.
    pub fn load(dir: &Path) -> Result<Templates, Error> {
        let shown = dir.display().to_string();
        let mut style = STYLE.to_owned();
        let mut house = String::new();
        let mut overrides = Vec::new();
        for (relative, path) in files_under(dir).map_err(|e| Error::io(&shown, "đọc", &e))? {
            let file = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&file, "đọc", &e))?;
            match relative.as_str() {
                STYLE_FILE => style = text,
                HOUSE_FILE => house = text,
                name if TEMPLATES.iter().any(|(known, _)| *known == name) => {
                    overrides.push((relative.clone(), text))
                }
                _ => {
                    let known: Vec<&str> = TEMPLATES
                        .iter()
                        .map(|(n, _)| *n)
                        .chain([STYLE_FILE, HOUSE_FILE])
                        .collect();
                    return Err(Error::Io {
                        file,
                        message: format!(
                            "tệp mẫu `{relative}` không thay được mẫu nào; các tên dùng được: {}",
                            known.join(", ")
                        ),
                    });
                }
            }
        }
        Templates::build(overrides, style, house, Some(shown))
    }

    fn build(
        overrides: Vec<(String, String)>,
        style: String,
        house: String,
        origin: Option<String>,
    ) -> Result<Templates, Error> {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![]);
        let mut all: Vec<(String, String)> = TEMPLATES
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        for (name, text) in overrides {
            if let Some(slot) = all.iter_mut().find(|(n, _)| *n == name) {
                slot.1 = text;
            }
        }
        let named: Vec<(String, String)> = all
            .into_iter()
            .map(|(name, text)| (name.trim_end_matches(".tera").to_owned(), text))
            .collect();
        let place = origin.as_deref().unwrap_or("templates");
        tera.add_raw_templates(named.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| internal(place, &e))?;
        super::typst_text::register(&mut tera);
        super::markdown_text::register(&mut tera);
        no_environment(&mut tera);
        Ok(Templates {
            tera,
            style,
            house,
            origin,
        })
    }

    /// The ND 30 style file these templates lay documents out with (`typst/nd30.typ`, the
    /// house folder's when it has one): the Word output reads its measurements from it.
    pub fn style(&self) -> &str {
        &self.style
    }

    /// Where the style file came from, for messages: the house folder's file when it replaces
    /// the embedded `templates/typst/nd30.typ`.
    pub fn style_origin(&self) -> String {
        match &self.origin {
            Some(dir) if self.style != STYLE => format!("{dir}/{STYLE_FILE}"),
            _ => format!("templates/{STYLE_FILE}"),
        }
    }

    /// The Typst source of a document set in the font family `font`; it compiles by itself
    /// given that family's files (`fonts/` for the embedded one).
    pub fn typst_source(&self, doc: &Document, source: &str, font: &str) -> Result<String, Error> {
        self.render("typst/document.typ", doc, source, font)
    }

    /// The Markdown of a document: same numbers and header facts, one provision per paragraph.
    pub fn markdown(&self, doc: &Document, source: &str) -> Result<String, Error> {
        self.render("markdown/document.md", doc, source, "")
    }

    /// The Typst source of a bảng so sánh (see [`crate::diff::report::context`]), set in the
    /// font family `font` on landscape pages.
    pub fn comparison_typst(
        &self,
        table: &crate::diff::report::TableContext,
        source: &str,
        font: &str,
    ) -> Result<String, Error> {
        self.render("typst/comparison.typ", table, source, font)
    }

    /// The bảng so sánh as Markdown, from the same table as [`Templates::comparison_typst`].
    pub fn comparison_markdown(
        &self,
        table: &crate::diff::report::TableContext,
        source: &str,
    ) -> Result<String, Error> {
        self.render("markdown/comparison.md", table, source, "")
    }

    fn render(
        &self,
        name: &str,
        doc: &impl serde::Serialize,
        source: &str,
        font: &str,
    ) -> Result<String, Error> {
        let mut context = tera::Context::from_serialize(doc).map_err(|e| internal(source, &e))?;
        context.insert("style", &self.style);
        context.insert("house", &self.house);
        context.insert("font", font);
        // The spec's file name is never part of the context: a name is not text the user
        // reviewed, and only the PDF's attachment carries it (as a Typst string).
        self.tera.render(name, &context).map_err(|e| {
            let place = self.origin.as_deref().map_or(source.to_owned(), |dir| {
                format!("{source} (mẫu trình bày riêng trong {dir})")
            });
            internal(&place, &e)
        })
    }
}

/// Files under `dir` (recursively, a few levels), with their `/`-separated relative names,
/// sorted; hidden files (editor backups, `.DS_Store`) are skipped.
fn files_under(dir: &Path) -> std::io::Result<Vec<(String, std::path::PathBuf)>> {
    let mut out = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), String::new(), 0)];
    while let Some((folder, prefix, depth)) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if name.starts_with('.') || name.ends_with('~') {
                continue;
            }
            let relative = format!("{prefix}{name}");
            if path.is_dir() {
                if depth < 3 {
                    pending.push((path, format!("{relative}/"), depth + 1));
                }
            } else {
                out.push((relative, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// How a markup language writes inline text: its escaper for literal characters and the
/// marks around styled runs and for a forced line break.
pub(super) struct Syntax {
    /// Appends literal characters, escaped, to the output.
    pub escape: fn(&str, &mut String),
    /// Before and after a strong run.
    pub strong: [&'static str; 2],
    /// Before and after an emphasized run.
    pub emph: [&'static str; 2],
    /// A forced line break.
    pub line_break: &'static str,
}

impl Syntax {
    /// A text written in this language.
    pub fn write(&'static self, text: &crate::markup::Text) -> String {
        let mut writer = Writer {
            syntax: self,
            out: String::new(),
        };
        text.write(&mut writer);
        writer.out
    }

    /// The Tera filter `name` that writes a serialized [`crate::markup::Text`] (or a plain
    /// string, read as literal text) in this language.
    pub fn filter(&'static self, name: &'static str) -> impl tera::Filter {
        move |value: &tera::Value, _: &std::collections::HashMap<String, tera::Value>| {
            let mut writer = Writer {
                syntax: self,
                out: String::new(),
            };
            crate::markup::write_value(value, &mut writer)
                .map_err(|e| tera::Error::msg(format!("bộ lọc `{name}`: {e}")))?;
            Ok(tera::Value::String(writer.out))
        }
    }
}

/// Writes the runs of a text in one markup language.
struct Writer {
    syntax: &'static Syntax,
    out: String,
}

impl crate::markup::InlineSink for Writer {
    fn text(&mut self, text: &str) {
        (self.syntax.escape)(text, &mut self.out);
    }

    fn open(&mut self, style: crate::markup::Style) {
        self.out.push_str(self.marks(style)[0]);
    }

    fn close(&mut self, style: crate::markup::Style) {
        self.out.push_str(self.marks(style)[1]);
    }

    fn line_break(&mut self) {
        self.out.push_str(self.syntax.line_break);
    }
}

impl Writer {
    fn marks(&self, style: crate::markup::Style) -> [&'static str; 2] {
        match style {
            crate::markup::Style::Strong => self.syntax.strong,
            crate::markup::Style::Emph => self.syntax.emph,
        }
    }
}

/// Turns Tera's `get_env` off: a template (a house one beside a spec from elsewhere) must not
/// copy environment variables (tokens, paths) into a document.
pub fn no_environment(tera: &mut tera::Tera) {
    tera.register_function(
        "get_env",
        |_: &std::collections::HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
            Err(tera::Error::msg(
                "mẫu trình bày không được đọc biến môi trường (get_env đã tắt)",
            ))
        },
    );
}

fn internal(place: &str, e: &tera::Error) -> Error {
    use std::error::Error as _;
    let mut message = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        message.push_str(": ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    Error::Failed {
        file: place.to_owned(),
        message: format!("lỗi mẫu trình bày (template): {message}"),
    }
}

/// The Typst source of a document with the embedded templates (see
/// [`Templates::typst_source`]).
pub fn typst_source(doc: &Document, source: &str, font: &str) -> Result<String, Error> {
    Templates::embedded().typst_source(doc, source, font)
}

/// The Markdown of a document with the embedded templates (see [`Templates::markdown`]).
pub fn markdown(doc: &Document, source: &str) -> Result<String, Error> {
    Templates::embedded().markdown(doc, source)
}

/// The Typst source of a bảng so sánh with the embedded templates (see
/// [`Templates::comparison_typst`]).
pub fn comparison_typst(
    table: &crate::diff::report::TableContext,
    source: &str,
    font: &str,
) -> Result<String, Error> {
    Templates::embedded().comparison_typst(table, source, font)
}

/// The bảng so sánh as Markdown with the embedded templates (see
/// [`Templates::comparison_markdown`]).
pub fn comparison_markdown(
    table: &crate::diff::report::TableContext,
    source: &str,
) -> Result<String, Error> {
    Templates::embedded().comparison_markdown(table, source)
}

#[cfg(test)]
mod tests {
    use super::super::{markdown_text, typst_text};
    use crate::markup::Text;

    fn render(template: &str, value: &impl serde::Serialize) -> tera::Result<String> {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![]);
        typst_text::register(&mut tera);
        markdown_text::register(&mut tera);
        let mut context = tera::Context::new();
        context.insert("t", value);
        tera.render_str(template, &context)
    }

    #[test]
    fn each_filter_renders_a_text_as_its_renderer_and_a_string_as_literal_text() {
        let t = Text::lines(["**Sở** #x <b>", "_và_ $y$ [a](b)"]);
        assert_eq!(
            render("{{ t | typst }}", &t).unwrap(),
            typst_text::markup(&t)
        );
        assert_eq!(
            render("{{ t | md }}", &t).unwrap(),
            markdown_text::markup(&t)
        );
        for filter in ["typst", "md"] {
            let shown = render(&format!("{{{{ t | {filter} }}}}"), &"#set *x*").unwrap();
            assert_eq!(shown, "\\#set \\*x\\*", "{filter}");
            let wrong = render(&format!("{{{{ t | {filter} }}}}"), &vec![1]);
            assert!(wrong.is_err(), "{filter}: a list is not a text");
        }
    }

    #[test]
    fn a_text_printed_without_a_filter_shows_no_user_character() {
        let t = Text::inline("#set page(width: 1cm) <b>x</b>");
        assert_eq!(render("{{ t }}", &t).unwrap(), "[object]");
        assert!(
            render("{{ t.typ }}", &t).is_err(),
            "no pre-rendered text left"
        );
    }
}
