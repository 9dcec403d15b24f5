//! The reader on small documents: leniency, errors as data, aliases, keys.

use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Doc {
    title: String,
    #[serde(default)]
    count: Option<u32>,
    #[serde(default)]
    items: Vec<Item>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Item {
    name: String,
}

fn read(yaml: &str) -> Result<Doc, DeError> {
    let tree = Tree::parse(yaml);
    Reader::new(&tree, &Changes::default()).read::<Doc>()
}

#[test]
fn text_fields_take_any_scalar_but_null_as_written() {
    for (written, text) in [
        ("2024", "2024"),
        ("'~'", "~"),
        ("1.10", "1.10"),
        ("'x'", "x"),
    ] {
        let doc = read(&format!("title: {written}\n")).unwrap();
        assert_eq!(doc.title, text);
    }
    // A null is no text: `~` and `null` are refused, not read as the word.
    for null in ["~", "null"] {
        let e = read(&format!("title: {null}\n")).unwrap_err();
        assert_eq!(
            e.problem,
            Problem::WrongType {
                found: Found::Null,
                want: Want::Text
            }
        );
    }
    assert_eq!(read("title: t\ncount: 7\n").unwrap().count, Some(7));
    assert_eq!(read("title: t\ncount: ~\n").unwrap().count, None);
}

#[test]
fn errors_are_data_at_their_node() {
    let e = read("title: t\ncount: \"7\"\n").unwrap_err();
    assert_eq!(
        e.problem,
        Problem::WrongType {
            found: Found::Text("7".into()),
            want: Want::Unsigned
        }
    );
    assert_eq!(e.path.as_deref(), Some("count"));
    let e = read("title: t\nitems:\n  - {name: a}\n  - {name: [b]}\n").unwrap_err();
    assert_eq!(e.path.as_deref(), Some("items[1].name"));
    let tree = Tree::parse("title: t\nitems:\n  - {name: a}\n  - {name: [b]}\n");
    assert_eq!(tree.node(e.node.unwrap()).span.start.line, 4);
    assert_eq!(
        read("count: 1\n").unwrap_err().problem,
        Problem::MissingField("title")
    );
    assert_eq!(
        read("title: t\ncount: -1\n").unwrap_err().problem,
        Problem::InvalidValue {
            found: Found::Integer(-1),
            want: Want::Unsigned
        }
    );
}

#[test]
fn aliases_are_followed_within_bounds() {
    let doc = read("title: &t Tên\nitems: [{name: *t}]\n").unwrap();
    assert_eq!(doc.items[0].name, "Tên");
    // An alias inside the list it repeats: refused, not followed for ever.
    #[derive(Debug, Deserialize)]
    struct Nest {
        #[serde(default)]
        #[allow(dead_code)]
        more: Vec<Nest>,
    }
    let tree = Tree::parse("more: &a [{more: *a}]\n");
    let e = Reader::new(&tree, &Changes::default())
        .read::<Nest>()
        .unwrap_err();
    assert!(
        matches!(e.problem, Problem::TooDeep | Problem::TooManyAliases),
        "{e:?}"
    );
    // A billion laughs is refused by the visit budget: tests/hostile.rs.
}

#[test]
fn keys_are_renamed_or_left_out_as_told() {
    let tree = Tree::parse("titel: t\nextra: [1]\n");
    let root = tree.root.unwrap();
    let mut changes = Changes::default();
    changes
        .keys
        .insert(tree.get(root, "titel").unwrap().key, Some("title".into()));
    changes
        .keys
        .insert(tree.get(root, "extra").unwrap().key, None);
    let doc = Reader::new(&tree, &changes).read::<Doc>().unwrap();
    assert_eq!(doc.title, "t");
}

#[test]
fn serde_s_128_bit_integers_are_named_as_numbers() {
    use serde::de::Unexpected;
    assert_eq!(
        Found::from(Unexpected::Other(
            "integer `340282366920938463463374607431768211455` as u128"
        )),
        Found::Other("số nguyên `340282366920938463463374607431768211455`".into())
    );
    assert_eq!(
        Found::from(Unexpected::Other("integer `-5` as i128")),
        Found::Integer(-5)
    );
}
