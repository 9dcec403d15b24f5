//! The table of document kinds (`vanban::kind::KINDS`) is the one place a kind is defined: this
//! walks it and proves that every consumer reads it — the spec's `kind:` and its error, the
//! JSON Schema, numbering (type name, ký hiệu), the citation, symbol and structure checks,
//! `vanban new` (every starter renders and checks clean; its help and its error list them all)
//! and the user manual's table of kinds. Adding an entry is covered here with nothing to add.

mod common;
use common::*;
use std::process::Command;
use vanban::check::{Checked, check_bytes};
use vanban::kind::{KINDS, Kind, Legal, starters};

/// A small spec of kind `key`, valid for that kind (a decision names its enacting authority),
/// with `extra` YAML lines at its end.
fn spec(key: &str, extra: &str) -> String {
    let enacting = Kind::from_key(key).is_some_and(|k| k.enacting());
    let extra = if enacting {
        format!("enacting: Giám đốc Sở A\n{extra}")
    } else {
        extra.to_owned()
    };
    format!(
        "kind: {key}\ntitle: Phối hợp\nplace: Huế\ndate: 2024-05-10\nnumber: 7\n\
         issuers: [{{id: a, name: Sở A, abbr: SA}}, {{id: b, name: Sở B, abbr: SB}}]\n\
         articles: [{{title: Một, clauses: [x]}}]\nrecipients: [\"Lưu: VT\"]\n\
         signatures: [{{issuer: a, title: Giám đốc, name: X}}, {{issuer: b, title: Giám đốc, name: Y}}]\n{extra}"
    )
}

fn check(yaml: &str) -> Checked {
    check_bytes("t.yaml", yaml.as_bytes())
}

fn rules(checked: &Checked) -> Vec<&'static str> {
    checked.report.findings.iter().map(|f| f.rule.id).collect()
}

fn vanban(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .expect("binary runs")
}

#[test]
fn every_key_loads_and_numbers_with_its_names_and_symbol() {
    for kind in Kind::all() {
        let e = kind.entry();
        let checked = check(&spec(e.key, ""));
        assert_eq!(rules(&checked), Vec::<&str>::new(), "{}", e.key);
        assert_eq!(checked.spec.as_ref().unwrap().kind, kind);
        let doc = checked.document.as_ref().expect("numbered");
        assert_eq!(doc.kind_name, e.type_name);
        assert_eq!(doc.kind_label, e.label);
        // One function composes the ký hiệu, in the kind's number form.
        let legal = kind.legal() == Legal::Always;
        assert_eq!(
            doc.symbol.plain,
            kind.symbol(legal.then_some(2024), ["SA", "SB"])
        );
        let year = if legal { "2024/" } else { "" };
        assert_eq!(doc.symbol.plain, format!("{year}{}-SA-SB", e.abbreviation));
    }
}

#[test]
fn an_unknown_kind_lists_every_key() {
    let checked = check(&spec("quy-chee", ""));
    assert_eq!(rules(&checked), ["unknown-value"]);
    let message = &checked.report.findings[0].message;
    for e in KINDS {
        assert!(message.contains(e.key), "{}: {message}", e.key);
    }
    assert!(message.contains("có phải ý bạn là `quy-che`"), "{message}");
}

#[test]
fn the_schema_enum_is_the_table() {
    let schema = vanban::schema::spec_schema();
    let one_of = schema["$defs"]["Kind"]["oneOf"].as_array().unwrap();
    let keys: Vec<&str> = one_of
        .iter()
        .map(|v| v["const"].as_str().unwrap())
        .collect();
    assert_eq!(keys, vanban::kind::KEYS);
    for (v, e) in one_of.iter().zip(KINDS) {
        assert_eq!(
            v["description"],
            format!("{} ({}).", e.label, e.abbreviation),
            "{}",
            e.key
        );
    }
}

#[test]
fn the_symbol_check_reads_the_abbreviation() {
    for e in KINDS {
        // A legal document's number carries its year (the spec's is 2024).
        let year = if e.legal == Legal::Always {
            "2024/"
        } else {
            ""
        };
        let good = format!("symbol: {year}{}-SA\n", e.abbreviation);
        assert_eq!(rules(&check(&spec(e.key, &good))), Vec::<&str>::new());
        let wrong = KINDS
            .iter()
            .find(|o| !o.abbreviation.starts_with(e.abbreviation))
            .unwrap();
        let bad = format!("symbol: {year}{}-SA\n", wrong.abbreviation);
        assert_eq!(
            rules(&check(&spec(e.key, &bad))),
            ["symbol-kind"],
            "{}",
            e.key
        );
    }
}

#[test]
fn the_symbol_kind_rule_names_every_abbreviation() {
    let rule = vanban::check::rules()
        .into_iter()
        .find(|r| r.id == "symbol-kind")
        .unwrap();
    for e in KINDS {
        assert!(
            rule.vi.contains(e.abbreviation),
            "{}: {}",
            e.abbreviation,
            rule.vi
        );
        assert!(
            rule.en.contains(e.abbreviation),
            "{}: {}",
            e.abbreviation,
            rule.en
        );
    }
}

#[test]
fn citations_of_each_kind_are_read_with_its_abbreviations() {
    for e in KINDS {
        let Some(cited) = &e.cited_as else { continue };
        for abbr in cited.abbreviations {
            let basis = format!(
                "bases: [\"{} số 12/{abbr}-UBND ngày 03/01/2024\"]\n",
                cited.word
            );
            assert_eq!(rules(&check(&spec(e.key, &basis))), Vec::<&str>::new());
        }
        let basis = format!("bases: [\"{} số 12/NĐ-CP ngày 03/01/2024\"]\n", cited.word);
        assert_eq!(
            rules(&check(&spec(e.key, &basis))),
            ["basis-type"],
            "{}",
            cited.word
        );
    }
}

#[test]
fn the_structure_check_reads_the_allowed_bodies() {
    for e in KINDS {
        let no_body = spec(e.key, "").replace("articles: [{title: Một, clauses: [x]}]\n", "");
        let checked = check(&no_body);
        assert_eq!(rules(&checked), ["body-missing"], "{}", e.key);
        for body in e.bodies {
            assert!(
                checked.report.findings[0].message.contains(body.key()),
                "{}: {}",
                e.key,
                checked.report.findings[0].message
            );
        }
    }
}

#[test]
fn every_starter_renders_and_checks_with_only_placeholders() {
    assert!(starters().count() >= 6);
    for (kind, starter) in starters() {
        let request = vanban::commands::new::Request {
            kind: starter.name.into(),
            issuers: vec!["Sở Tư pháp:STP".into(), "Công an tỉnh".into()],
            year: Some(2027),
            ..Default::default()
        };
        let text = vanban::commands::new::starter_text(&request, std::path::Path::new("x.yaml"))
            .unwrap_or_else(|e| panic!("{}: {e}", starter.name));
        assert!(
            text.contains(&format!("\nkind: {}\n", kind.key())),
            "{}",
            starter.name
        );
        assert!(
            text.contains(&kind.symbol(
                (kind.legal() == Legal::Always).then_some(2027),
                ["STP", "CAT"]
            )),
            "{}: the comment shows the ký hiệu",
            starter.name
        );
        let checked = check(&text);
        assert!(!checked.report.findings.is_empty(), "{}", starter.name);
        assert!(
            rules(&checked).iter().all(|r| *r == "placeholder"),
            "{}: {:?}",
            starter.name,
            rules(&checked)
        );
        let rendered = render_yaml(&text);
        assert!(rendered.md.contains(&format!("# {}", kind.type_name())));
        // The spec kind's key asks for its first starter too.
        let by_key = vanban::commands::new::Request {
            kind: kind.key().into(),
            ..request
        };
        assert!(vanban::commands::new::starter_text(&by_key, "x.yaml".as_ref()).is_ok());
    }
}

#[test]
fn help_and_error_of_vanban_new_list_every_starter() {
    let help = String::from_utf8(vanban(&["new", "--help"]).stdout).unwrap();
    let o = vanban(&["new", "khong-co"]);
    assert_eq!(o.status.code(), Some(2));
    let error = String::from_utf8(o.stderr).unwrap();
    for (_, s) in starters() {
        let line = format!("  {:<18} {}", s.name, s.description);
        assert!(help.contains(&line), "help lacks {}:\n{help}", s.name);
        assert!(error.contains(&line), "error lacks {}:\n{error}", s.name);
    }
}

#[test]
fn the_manual_has_a_row_for_every_kind() {
    let mut pages = vec![root().join("README.md")];
    if let Ok(dir) = std::fs::read_dir(root().join("docs")) {
        pages.extend(
            dir.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                // The contributor page shows a row as an example: it is not the manual.
                .filter(|p| !p.ends_with("them-loai-van-ban.md")),
        );
    }
    let manual: String = pages
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    for e in KINDS {
        let row = format!("| `{}` | {} | {} |", e.key, e.type_name, e.abbreviation);
        assert!(
            manual.contains(&row),
            "README.md or docs/ must have the row:\n{row}"
        );
    }
}
