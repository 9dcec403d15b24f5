//! The JSON Schema as an editor uses it: the real YAML language server (what VS Code's YAML
//! extension runs) is driven over LSP with `vanban schema`'s output, and must offer every key at
//! the top level and inside lists of maps. `.ci/run` installs the server (npm); without it this
//! test prints why it is skipped and passes, unless `VANBAN_REQUIRE_TOOLS=1`.

mod common;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

/// The server: `VANBAN_YAML_LS`, or `yaml-language-server` on the PATH.
fn server() -> PathBuf {
    std::env::var_os("VANBAN_YAML_LS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("yaml-language-server"))
}

/// A language server session over stdio.
struct Session {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next_id: u64,
}

impl Session {
    fn start(program: &Path) -> Session {
        let mut child = Command::new(program)
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        // A server that stops answering must not hang the test run.
        let pid = child.id();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(120));
            let _ = Command::new("kill").arg(pid.to_string()).status();
        });
        let input = child.stdin.take().unwrap();
        let output = BufReader::new(child.stdout.take().unwrap());
        Session {
            child,
            input,
            output,
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            let read = self.output.read_line(&mut line).unwrap();
            assert!(read > 0, "the server closed its output");
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length:") {
                length = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.output.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Sends a request and answers the server's own requests until its response comes.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.receive();
            match (m.get("method").and_then(Value::as_str), m.get("id")) {
                (Some("workspace/configuration"), Some(rid)) => {
                    let n = m["params"]["items"].as_array().map_or(1, Vec::len);
                    let result: Vec<Value> = (0..n).map(|_| settings()["yaml"].clone()).collect();
                    self.send(json!({"jsonrpc": "2.0", "id": rid, "result": result}));
                }
                (Some(_), Some(rid)) => {
                    self.send(json!({"jsonrpc": "2.0", "id": rid, "result": null}));
                }
                (None, Some(rid)) if rid == &json!(id) => return m["result"].clone(),
                _ => {}
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn settings() -> Value {
    json!({"yaml": {"validate": true, "completion": true, "hover": true,
                    "schemaStore": {"enable": false}}})
}

/// The labels the server offers in `text` at 0-based `line`, `character`.
fn completion(
    session: &mut Session,
    dir: &Path,
    name: &str,
    text: &str,
    at: (u32, u32),
) -> Vec<String> {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let uri = format!("file://{}", path.display());
    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
    );
    let result = session.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": at.0, "character": at.1}}),
    );
    let items = result.get("items").unwrap_or(&result);
    let mut labels: Vec<String> = items
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| i["label"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    labels.sort();
    labels
}

#[test]
fn the_yaml_language_server_completes_keys_at_every_level() {
    let program = server();
    if !common::tool_available(
        &program,
        "--version",
        "npm install yaml-language-server, or set VANBAN_YAML_LS",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let schema = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["schema"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(schema.status.success());
    if !dir.path().join("vanban.schema.json").exists() {
        std::fs::write(dir.path().join("vanban.schema.json"), &schema.stdout).unwrap();
    }
    let mut session = Session::start(&program);
    let root = format!("file://{}", dir.path().display());
    session.request(
        "initialize",
        json!({"processId": null, "rootUri": root,
               "capabilities": {"workspace": {"configuration": true},
                                "textDocument": {"completion": {"completionItem": {"snippetSupport": false}}}}}),
    );
    session.notify("initialized", json!({}));
    session.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": settings()}),
    );

    let modeline = "# yaml-language-server: $schema=./vanban.schema.json\n";
    // Top level, after the first key.
    let top = completion(
        &mut session,
        dir.path(),
        "top.yaml",
        &format!("{modeline}kind: quy-che\n\n"),
        (2, 0),
    );
    let schema_json: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("vanban.schema.json")).unwrap())
            .unwrap();
    let keys: Vec<&String> = schema_json["properties"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| *k != "kind")
        .collect();
    for key in &keys {
        assert!(top.contains(key), "top-level `{key}` not offered: {top:?}");
    }
    // Inside an item of a list of maps (an issuer), and two levels down (a Điều).
    let issuer = completion(
        &mut session,
        dir.path(),
        "issuer.yaml",
        &format!("{modeline}kind: quy-che\nissuers:\n  - id: a\n    \n"),
        (4, 4),
    );
    for key in ["name", "abbr", "parent", "short", "seal"] {
        assert!(
            issuer.contains(&key.to_owned()),
            "issuer `{key}`: {issuer:?}"
        );
    }
    let article = completion(
        &mut session,
        dir.path(),
        "article.yaml",
        &format!(
            "{modeline}kind: quy-che\nchapters:\n  - title: A\n    articles:\n      - title: B\n        \n"
        ),
        (6, 8),
    );
    for key in ["clauses", "paragraphs", "id", "text"] {
        assert!(
            article.contains(&key.to_owned()),
            "article `{key}`: {article:?}"
        );
    }
    session.request("shutdown", Value::Null);
    session.notify("exit", Value::Null);
}
