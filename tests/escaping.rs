//! Nothing a user types runs as Typst (or Tera) code: text full of Typst syntax in every field
//! compiles and prints literally.

mod common;
use common::*;

const HOSTILE: &str = r#"#set page(width: 1cm) #{panic()} $x^2$ @ref <lab> [a](b) \ // c /* d */ = h - i + j 1. k ... -- --- ~ 'q' "q" `c` & &amp; 5 * 3 * 2 {{ tera }} {% if x %} _ #"#;

/// YAML single-quoted scalar.
fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Typst source with every string literal removed (a `\` escapes the next character both in
/// markup and inside strings).
fn without_string_literals(source: &str) -> String {
    let mut out = String::new();
    let mut chars = source.chars();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next();
                if !in_string {
                    out.push(c);
                    out.extend(next);
                }
            }
            '"' => in_string = !in_string,
            _ if !in_string => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn typst_syntax_in_every_field_prints_literally() {
    let h = q(HOSTILE);
    let starts = [
        "= heading",
        "- item",
        "+ plus",
        "1. enum",
        "/ term: x",
        "#strong[x]",
    ];
    let clauses: Vec<String> = starts.iter().map(|s| q(s)).collect();
    let yaml = format!(
        "kind: chuong-trinh\ntitle: {h}\nplace: {h}\nyear: 2024\n\
         issuers: [{{id: a, parent: {h}, name: {h}, abbr: {h}}}]\n\
         bases: [{h}]\npreamble: [{h}]\n\
         chapters:\n- title: {h}\n  articles:\n  - title: {h}\n    paragraphs: [{h}]\n    clauses:\n\
         \x20   - {{title: {h}, text: {h}, points: [{h}], items: [{{text: {h}, items: [{h}]}}]}}\n\
         \x20   - {c}\n\
         signatures: [{{issuer: a, authority: {h}, title: {h}, name: {h}}}]\n\
         recipients: [{h}, Lưu VT]\n",
        c = clauses.join("\n    - ")
    );
    let r = render_yaml(&yaml);
    // Metadata, the ký hiệu and the attached spec are Typst string literals (quoted, so inert);
    // everywhere else user text is markup.
    let markup = without_string_literals(&r.typ);
    assert!(r.typ.contains("bytes(\""), "the spec is attached");
    assert!(
        !markup.contains("#set page(width"),
        "user text reached Typst unescaped"
    );
    assert!(!markup.contains("#{panic()}"));
    for (w, h) in &r.pages.sizes {
        assert!(
            (w - 595.28).abs() < 1.0 && (h - 841.89).abs() < 1.0,
            "page size changed: {w}×{h}"
        );
    }
    let text = format!("{}\n{}", pdf_text(&r.pages), pdf_text_by_columns(&r.pages));
    let plain = collapse(HOSTILE);
    let upper = plain.to_uppercase();
    // 2 plain copies in the header block (title, place) … every field as typed.
    assert!(
        text.matches(plain.as_str()).count() >= 10,
        "literal text missing:\n{text}"
    );
    assert!(
        text.matches(upper.as_str()).count() >= 4,
        "upper-case fields missing"
    );
    for s in starts {
        assert!(text.contains(s), "{s} must print as typed");
    }
    assert!(
        md_text(&r.md).contains(&plain),
        "Markdown must read back to the typed text"
    );
}
