//! Property test: random and mutated specs (the samples with lines deleted or duplicated,
//! characters flipped, Typst specials inserted, or random bytes) go through the pipeline (check →
//! compose → Typst source) without a panic: a spec with no check error composes and renders to
//! Typst, and a refused one is refused naming its file. The number of cases is bounded so `cargo test` stays
//! fast.

use proptest::prelude::*;
use vanban::check::check_bytes;
use vanban::pipeline::{self, Options, Source};
use vanban::render::Format;

const SAMPLES: [&str; 6] = [
    include_str!("../samples/thanh-hoa-stttt-hhdn.yaml"),
    include_str!("../samples/soc-trang-sggp-2023-2025.yaml"),
    include_str!("../samples/quy-che-phoi-hop-pbgdpl-ba-ben.yaml"),
    include_str!("../samples/quyet-dinh-thai-nguyen-26-2025.yaml"),
    include_str!("../samples/quyet-dinh-can-tho-2610-2025.yaml"),
    include_str!("../samples/thong-tu-lien-tich-47-2009.yaml"),
];

/// Characters that mean something to Typst, YAML or the inline Markdown reader.
const SPECIALS: [&str; 16] = [
    "#", "$", "*", "_", "@", "<", "]", "\\", "//", "= ", "- ", "[[", "]]", ": ", "\"", "\t",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    FlipChar(usize, char),
    Insert(usize, &'static str),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Mutation::FlipChar(i, c)),
        (any::<usize>(), proptest::sample::select(&SPECIALS[..]))
            .prop_map(|(i, s)| Mutation::Insert(i, s)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let chars: Vec<char> = text.chars().collect();
    match *m {
        Mutation::DeleteLine(i) => {
            let i = i % lines.len();
            [&lines[..i], &lines[i + 1..]].concat().join("\n")
        }
        Mutation::DuplicateLine(i) => {
            let i = i % lines.len();
            let mut l = lines.clone();
            l.insert(i, lines[i]);
            l.join("\n")
        }
        Mutation::FlipChar(i, c) => {
            let mut chars = chars;
            let i = i % chars.len();
            chars[i] = c;
            chars.into_iter().collect()
        }
        Mutation::Insert(i, s) => {
            let i = i % chars.len();
            let mut out: String = chars[..i].iter().collect();
            out.push_str(s);
            out.extend(&chars[i..]);
            out
        }
        Mutation::Truncate(i) => chars[..i % chars.len()].iter().collect(),
    }
}

/// Check → compose → Typst source: never panics; no check error means it renders.
fn pipeline(bytes: &[u8]) {
    pipeline_to(bytes, false);
}

/// [`pipeline`], and with `pdf` the spec is also laid out and written as PDF.
fn pipeline_to(bytes: &[u8], pdf: bool) {
    let source = Source {
        name: "mutant.yaml".to_owned(),
        bytes: bytes.to_vec(),
    };
    let checked = pipeline::check(&source);
    let _ = vanban::finding::report::human(&checked.report, false);
    let errors = checked.has_errors();
    let composed = pipeline::compose(checked);
    if errors {
        if let Err(e) = &composed {
            assert!(e.to_string().contains("mutant.yaml"), "{e}");
        }
        return;
    }
    let composed = composed.expect("a spec without check errors composes");
    vanban::render::typst_source(&composed.document, "mutant.yaml", "Liberation Serif")
        .expect("and makes Typst source");
    if pdf {
        // Laid out as a PDF, or refused with an error naming the file (a character the font
        // lacks is refused only when the PDF is made).
        if let Err(e) = pipeline::outputs(composed, &[Format::Pdf], &Options::default()) {
            assert!(e.to_string().contains("mutant.yaml"), "{e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_samples_never_break_the_pipeline(
        sample in 0..SAMPLES.len(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let mut text = SAMPLES[sample].to_owned();
        for m in &mutations {
            text = apply(&text, m);
            if text.is_empty() {
                break;
            }
        }
        pipeline(text.as_bytes());
    }

    #[test]
    fn random_bytes_never_break_the_pipeline(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        pipeline(&bytes);
    }
}

proptest! {
    // Laying out a PDF takes about a second: a handful of cases.
    #![proptest_config(ProptestConfig { cases: 4, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_samples_that_pass_check_lay_out_as_pdf(
        sample in 0..SAMPLES.len(),
        m in mutation(),
    ) {
        pipeline_to(apply(SAMPLES[sample], &m).as_bytes(), true);
    }
}

#[test]
fn the_samples_themselves_pass_the_pipeline() {
    for sample in SAMPLES {
        let checked = check_bytes("sample.yaml", sample.as_bytes());
        assert!(!checked.has_errors());
        pipeline(sample.as_bytes());
    }
}
