//! The manual (README.md and the pages under docs/): every relative link leads to a file that
//! exists and, when it names an anchor, to a heading of that page; every page of docs/ is
//! reachable from the README and from the docs/README.md index; the two complete YAML examples
//! pass `vanban check`. Reads text and runs `check` only (no layout), so it runs in well under a
//! second.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every Markdown page of docs/, as paths relative to the crate root.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![PathBuf::from("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .map(|path| Path::new("docs").join(path.file_name().unwrap()))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// The lines of a Markdown text outside fenced code blocks.
fn prose(text: &str) -> Vec<&str> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            lines.push(line);
        }
    }
    lines
}

/// A line with its inline code spans (`…`, ``…``) taken out.
fn without_code(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let ticks = rest[start..].len() - rest[start..].trim_start_matches('`').len();
        let fence = &rest[start..start + ticks];
        let after = &rest[start + ticks..];
        match after.find(fence) {
            Some(end) => rest = &after[end + ticks..],
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// The anchor GitHub gives a heading: lower case, letters, digits, `-` and `_` kept, each
/// space made a `-`, everything else (punctuation, backticks) dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a page's headings, numbered `-1`, `-2` on repeats as GitHub does.
fn anchors(text: &str) -> HashSet<String> {
    let mut anchors = HashSet::new();
    for line in prose(text) {
        let hashes = line.len() - line.trim_start_matches('#').len();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = slug(&line[hashes..]);
        let mut anchor = base.clone();
        let mut n = 0;
        while anchors.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        anchors.insert(anchor);
    }
    anchors
}

/// Decodes `%XX` escapes (an anchor may be written percent-encoded).
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        if bytes[i] == b'%'
            && let Some(Ok(b)) = hex.map(|h| u8::from_str_radix(h, 16))
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The targets of the inline links and images of a page, with their line numbers.
fn links(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut number = 0;
    let mut fenced = false;
    for line in text.lines() {
        number += 1;
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let line = without_code(line);
        let mut rest = line.as_str();
        while let Some(start) = rest.find("](") {
            let after = &rest[start + 2..];
            let end = after.find(')').expect("a link's closing parenthesis");
            found.push((number, after[..end].to_string()));
            rest = &after[end..];
        }
    }
    found
}

/// The page a relative link leads to, relative to the crate root (`docs/../README.md` →
/// `README.md`).
fn resolve(page: &Path, target: &str) -> PathBuf {
    let mut path = page.parent().unwrap().to_path_buf();
    for part in target.split('/') {
        match part {
            "." | "" => {}
            ".." => assert!(
                path.pop(),
                "{}: {target} leaves the repository",
                page.display()
            ),
            part => path.push(part),
        }
    }
    path
}

#[test]
fn every_relative_link_of_the_manual_resolves() {
    let mut broken = Vec::new();
    for page in pages() {
        let text = std::fs::read_to_string(root().join(&page)).unwrap();
        for (line, target) in links(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = match target.split_once('#') {
                Some((file, anchor)) => (file, Some(percent_decoded(anchor))),
                None => (target.as_str(), None),
            };
            let linked = if file.is_empty() {
                page.clone()
            } else {
                resolve(&page, file)
            };
            let at = format!("{}:{line}: {target}", page.display());
            if !root().join(&linked).exists() {
                broken.push(format!("{at}: no file {}", linked.display()));
                continue;
            }
            if let Some(anchor) = anchor {
                let linked_text = std::fs::read_to_string(root().join(&linked)).unwrap();
                if !anchors(&linked_text).contains(&anchor) {
                    broken.push(format!(
                        "{at}: no heading #{anchor} in {}",
                        linked.display()
                    ));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_page_of_docs_is_linked_from_the_readme_and_the_index() {
    let linked_from = |index: &str| -> HashSet<PathBuf> {
        let page = PathBuf::from(index);
        let text = std::fs::read_to_string(root().join(&page)).unwrap();
        links(&text)
            .into_iter()
            .map(|(_, target)| resolve(&page, target.split('#').next().unwrap()))
            .collect()
    };
    let from_readme = linked_from("README.md");
    let from_index = linked_from("docs/README.md");
    for page in pages().into_iter().skip(1) {
        assert!(
            from_readme.contains(&page),
            "README.md links no {}",
            page.display()
        );
        if page != Path::new("docs/README.md") {
            assert!(
                from_index.contains(&page),
                "docs/README.md links no {}",
                page.display()
            );
        }
    }
}

#[test]
fn anchors_are_made_as_github_makes_them() {
    let text = "# Lệnh `vanban render`\n## Dấu câu chương trình tự thêm — không gõ\n\
                ```\n# not a heading\n```\n## English\n## English\n";
    let anchors = anchors(text);
    for anchor in [
        "lệnh-vanban-render",
        "dấu-câu-chương-trình-tự-thêm--không-gõ",
        "english",
        "english-1",
    ] {
        assert!(anchors.contains(anchor), "{anchor} in {anchors:?}");
    }
    assert!(!anchors.contains("not-a-heading"));
    assert_eq!(percent_decoded("l%E1%BB%87nh"), "lệnh");
}

/// The first YAML block of a page of the manual.
fn first_yaml_block(page: &str) -> String {
    let text = std::fs::read_to_string(root().join(page)).unwrap();
    let start = text.find("```yaml\n").expect("a YAML example") + "```yaml\n".len();
    let end = start + text[start..].find("```").unwrap();
    text[start..end].to_string()
}

#[test]
fn the_complete_examples_of_the_manual_pass_check() {
    // The README's short example and the full example that opens docs/viet-tep-yaml.md; the
    // other YAML blocks of the manual are fragments.
    for page in ["README.md", "docs/viet-tep-yaml.md"] {
        let file = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("docs-{}.yaml", page.replace('/', "-")));
        std::fs::write(&file, first_yaml_block(page)).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["check", "--strict"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{page}: the example does not pass `vanban check --strict`:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
