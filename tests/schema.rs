//! The JSON Schema editors use: every sample and every starter validates against it, and a
//! misspelt key or a wrong kind does not.

mod common;
use common::*;

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&vanban::schema::spec_schema()).expect("a valid JSON Schema")
}

fn as_json(yaml: &str) -> serde_json::Value {
    serde_yaml::from_str(yaml).expect("YAML reads as JSON data")
}

#[test]
fn every_sample_and_starter_validates() {
    let v = validator();
    let mut specs: Vec<(String, String)> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    for kind in [
        "chuong-trinh",
        "chuong-trinh-muc",
        "quy-che",
        "ke-hoach",
        "ban-thoa-thuan",
        "ban-ghi-nho",
    ] {
        let request = vanban::commands::new::Request {
            kind: kind.into(),
            issuers: vec!["Sở Tư pháp:STP".into(), "Công an tỉnh".into()],
            ..Default::default()
        };
        let text =
            vanban::commands::new::starter_text(&request, std::path::Path::new("x.yaml")).unwrap();
        specs.push((kind.to_owned(), text));
    }
    assert!(specs.len() >= 9);
    for (name, text) in specs {
        let errors: Vec<String> = v
            .iter_errors(&as_json(&text))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn no_property_has_a_null_default() {
    // The YAML language server offers no completion in a map whose properties carry
    // `"default": null` (tests/editor.rs drives the real server; this is its rule, checked
    // where the server is not installed).
    let mut pending = vec![vanban::schema::spec_schema()];
    let mut seen = 0;
    while let Some(v) = pending.pop() {
        seen += 1;
        match v {
            serde_json::Value::Object(map) => {
                assert!(
                    !map.get("default").is_some_and(serde_json::Value::is_null),
                    "{map:?}"
                );
                pending.extend(map.into_iter().map(|(_, v)| v));
            }
            serde_json::Value::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    assert!(seen > 100);
}

#[test]
fn a_misspelt_key_or_a_wrong_kind_is_rejected() {
    let v = validator();
    let sample = std::fs::read_to_string(sample("thanh-hoa-stttt-hhdn.yaml")).unwrap();
    let misspelt = sample.replacen("recipients:", "recipents:", 1);
    assert!(!v.is_valid(&as_json(&misspelt)), "top-level key");
    let deep = sample.replacen("    title: Quy định chung", "    tittle: Quy định chung", 1);
    assert_ne!(deep, sample);
    assert!(!v.is_valid(&as_json(&deep)), "key inside a chương");
    let kind = sample.replacen(
        "kind: chuong-trinh-phoi-hop",
        "kind: chuong-trinh-phoi-hopp",
        1,
    );
    assert_ne!(kind, sample);
    assert!(!v.is_valid(&as_json(&kind)), "unknown kind");
}

#[test]
fn vanban_schema_prints_the_schema() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(o.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(printed, vanban::schema::spec_schema());
    assert!(
        printed["properties"]["recipients"]["description"]
            .as_str()
            .unwrap()
            .contains("Nơi nhận")
    );
}
