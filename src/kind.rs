//! The kinds of document vanban lays out, in one table: [`KINDS`].
//!
//! Everything that depends on the kind reads this table: the spec's `kind:` values and the error
//! for an unknown one ([`Kind`]'s `Deserialize`), the JSON Schema's enum of keys
//! ([`crate::schema`]), the printed type name and the ký hiệu ([`crate::number`]), the check
//! rules on the ký hiệu, on citations and on the body's structure ([`crate::check`]), and
//! `vanban new`'s starters, its help and its error ([`crate::commands::new`]).
//!
//! # Adding a kind
//!
//! 1. Add one [`Entry`] to [`KINDS`]: its key, printed type name, name in running text,
//!    Phụ lục III abbreviation, citation word (if a căn cứ may cite it), starters, allowed body
//!    forms and number form. The table's order is the order of every list made from it.
//! 2. If it has a starter, write its template in `templates/starters/` (copy one that is close;
//!    `_dau.yaml.tera` and `_cuoi.yaml.tera` hold the head and the tail every starter shares)
//!    and name it with `starter!` in the entry.
//! 3. Run `cargo test --test kinds`: it walks the table and proves each consumer reads the new
//!    entry (the key deserialises and is in the schema, every starter renders and checks clean,
//!    the help lists it, the manual's table of kinds has its row).
//!
//! The contributor page `docs/them-loai-van-ban.md` shows this with an example.

use serde::de::{self, Deserialize, Deserializer, EnumAccess, Unexpected, VariantAccess, Visitor};
use std::fmt;

/// Everything vanban knows about one kind of document.
#[derive(Debug)]
pub struct Entry {
    /// The value written after `kind:` in a spec ("quy-che-phoi-hop").
    pub key: &'static str,
    /// The type name printed above the trích yếu, in capitals ("QUY CHẾ PHỐI HỢP").
    pub type_name: &'static str,
    /// The name as running text cites it ("Quy chế phối hợp"): the starter's comments and
    /// clauses, and the "Kèm theo …" line of a phụ lục.
    pub label: &'static str,
    /// The Phụ lục III abbreviation that opens the ký hiệu ("QC").
    pub abbreviation: &'static str,
    /// How a text citing a document of this kind names it, as [`crate::check`] reads
    /// citations; `None` when citations of this kind are not read.
    pub cited_as: Option<Cited>,
    /// The starters `vanban new` offers for this kind, in the order it lists them.
    pub starters: &'static [Starter],
    /// The body forms a spec of this kind may use (one at a time).
    pub bodies: &'static [Body],
    /// Whether a Điều may go without a title ("Điều 1. Ban hành kèm theo …"), as a decision's
    /// do; the other kinds give every Điều its title (ND 30, Phụ lục I, III.4).
    pub untitled_articles: bool,
    /// Whether the document opens its body with an enacting line: the issuing authority in
    /// capitals, then the type name as a verb ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH … / QUYẾT ĐỊNH:").
    pub enacting: bool,
    /// Whether its documents are legal documents (văn bản quy phạm pháp luật), whose number
    /// carries the year, whose body may be divided into Mục, and whose căn cứ end with an
    /// enacting sentence.
    pub legal: Legal,
}

/// A type word as citations write it, with the abbreviations the cited number may carry.
#[derive(Debug)]
pub struct Cited {
    /// The type word that opens a citation ("Quy chế"); a longer name ("Quy chế phối hợp số …")
    /// is read from the same word.
    pub word: &'static str,
    /// The abbreviations its number may carry ("QC", or the older "QyC").
    pub abbreviations: &'static [&'static str],
}

/// A commented starter spec that `vanban new NAME` writes.
#[derive(Debug)]
pub struct Starter {
    /// The name given on the command line (`vanban new quy-che`).
    pub name: &'static str,
    /// The template's file name under `templates/starters/` (`quy-che.yaml.tera`).
    pub file: &'static str,
    /// The template's text, embedded in the binary.
    pub template: &'static str,
    /// What it makes, as `vanban new` lists it (Vietnamese).
    pub description: &'static str,
}

/// A [`Starter`] whose template is the file `templates/starters/FILE`, embedded.
macro_rules! starter {
    ($name:literal, $file:literal, $description:literal) => {
        Starter {
            name: $name,
            file: $file,
            template: include_str!(concat!("../templates/starters/", $file)),
            description: $description,
        }
    };
}

/// A way of dividing the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// `chapters`: Chương → Điều.
    Chapters,
    /// `articles`: Điều without chương.
    Articles,
    /// `sections`: mục I., II. → khoản 1., 2.
    Sections,
    /// `divisions`: Mục 1, 2 → Điều, in a legal document (also inside a Chương).
    Divisions,
}

impl Body {
    /// The spec key that holds a body of this form.
    pub fn key(self) -> &'static str {
        match self {
            Body::Chapters => "chapters",
            Body::Articles => "articles",
            Body::Sections => "sections",
            Body::Divisions => "divisions",
        }
    }

    /// Its shape, as messages show it ("Chương/Điều").
    pub fn shape(self) -> &'static str {
        match self {
            Body::Chapters => "Chương/Điều",
            Body::Articles => "Điều",
            Body::Sections => "I./1.",
            Body::Divisions => "Mục/Điều",
        }
    }
}

/// The body forms of the administrative kinds (ND 30): Chương → Điều, Điều, or mục I. → khoản.
const ANY_BODY: &[Body] = &[Body::Chapters, Body::Articles, Body::Sections];

/// The body forms of a decision: its Điều, or Chương → Điều when it lays down rules itself.
const DECISION_BODY: &[Body] = &[Body::Articles, Body::Chapters];

/// The body forms of a legal document: Chương → (Mục →) Điều, Mục → Điều, or Điều.
const LEGAL_BODY: &[Body] = &[Body::Chapters, Body::Divisions, Body::Articles];

/// Whether the documents of a kind are legal documents (văn bản quy phạm pháp luật: Luật 64/2025/QH15,
/// docs/van-ban-phap-quy.md) or administrative ones (ND 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legal {
    /// Always administrative: the number has no year ("Số: 05/CTr-STTTT-HHDN").
    Never,
    /// Always legal: the number carries the year ("Số: 02/2015/TTLT-BNV-BTC").
    Always,
    /// Either, as the spec's `legal` says (administrative unless it says `legal: true`): a
    /// decision of a people's committee may be a legal document ("Số: 26/2025/QĐ-UBND").
    Either,
}

/// The table of kinds. Its order is the order of the schema's enum, of serde's list of expected
/// values, and of `vanban new`'s list of starters.
pub const KINDS: &[Entry] = &[
    Entry {
        key: "chuong-trinh",
        type_name: "CHƯƠNG TRÌNH",
        label: "Chương trình",
        abbreviation: "CTr",
        cited_as: Some(Cited {
            word: "Chương trình",
            abbreviations: &["CTr"],
        }),
        starters: &[],
        bodies: ANY_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Never,
    },
    Entry {
        key: "chuong-trinh-phoi-hop",
        type_name: "CHƯƠNG TRÌNH PHỐI HỢP",
        label: "Chương trình phối hợp",
        abbreviation: "CTr",
        cited_as: Some(Cited {
            word: "Chương trình",
            abbreviations: &["CTr"],
        }),
        starters: &[
            starter!(
                "chuong-trinh",
                "chuong-trinh.yaml.tera",
                "chương trình phối hợp, chia Chương → Điều"
            ),
            starter!(
                "chuong-trinh-muc",
                "chuong-trinh-muc.yaml.tera",
                "chương trình phối hợp, chia mục I., II. → khoản 1., 2."
            ),
        ],
        bodies: ANY_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Never,
    },
    Entry {
        key: "quy-che",
        type_name: "QUY CHẾ",
        label: "Quy chế",
        abbreviation: "QC",
        cited_as: Some(Cited {
            word: "Quy chế",
            abbreviations: &["QC", "QyC"],
        }),
        starters: &[],
        bodies: ANY_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Never,
    },
    Entry {
        key: "quy-che-phoi-hop",
        type_name: "QUY CHẾ PHỐI HỢP",
        label: "Quy chế phối hợp",
        abbreviation: "QC",
        cited_as: Some(Cited {
            word: "Quy chế",
            abbreviations: &["QC", "QyC"],
        }),
        starters: &[starter!(
            "quy-che",
            "quy-che.yaml.tera",
            "quy chế phối hợp, chia Chương → Điều"
        )],
        bodies: ANY_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Never,
    },
    Entry {
        key: "ke-hoach",
        type_name: "KẾ HOẠCH",
        label: "Kế hoạch",
        abbreviation: "KH",
        cited_as: Some(Cited {
            word: "Kế hoạch",
            abbreviations: &["KH"],
        }),
        starters: &[],
        bodies: ANY_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Never,
    },
    Entry {
        key: "ke-hoach-phoi-hop",
        type_name: "KẾ HOẠCH PHỐI HỢP",
        label: "Kế hoạch phối hợp",
        abbreviation: "KH",
        cited_as: Some(Cited {
            word: "Kế hoạch",
            abbreviations: &["KH"],
        }),
        starters: &[starter!(
            "ke-hoach",
            "ke-hoach.yaml.tera",
            "kế hoạch phối hợp, có phụ lục bảng nhiệm vụ"
        )],
        bodies: ANY_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Never,
    },
    Entry {
        key: "ban-thoa-thuan",
        type_name: "BẢN THỎA THUẬN",
        label: "Bản thỏa thuận",
        abbreviation: "BTT",
        cited_as: None,
        starters: &[starter!(
            "ban-thoa-thuan",
            "ban.yaml.tera",
            "bản thỏa thuận"
        )],
        bodies: ANY_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Never,
    },
    Entry {
        key: "ban-ghi-nho",
        type_name: "BẢN GHI NHỚ",
        label: "Bản ghi nhớ",
        abbreviation: "BGN",
        cited_as: None,
        starters: &[starter!("ban-ghi-nho", "ban.yaml.tera", "bản ghi nhớ")],
        bodies: ANY_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Never,
    },
    Entry {
        key: "quyet-dinh",
        type_name: "QUYẾT ĐỊNH",
        label: "Quyết định",
        abbreviation: "QĐ",
        cited_as: Some(Cited {
            word: "Quyết định",
            abbreviations: &["QĐ"],
        }),
        starters: &[starter!(
            "quyet-dinh",
            "quyet-dinh.yaml.tera",
            "quyết định ban hành kèm theo một quy chế phối hợp"
        )],
        bodies: DECISION_BODY,
        untitled_articles: true,
        enacting: true,
        legal: Legal::Either,
    },
    Entry {
        key: "nghi-quyet-lien-tich",
        type_name: "NGHỊ QUYẾT LIÊN TỊCH",
        label: "Nghị quyết liên tịch",
        abbreviation: "NQLT",
        cited_as: Some(Cited {
            word: "Nghị quyết liên tịch",
            abbreviations: &["NQLT"],
        }),
        starters: &[starter!(
            "nghi-quyet-lien-tich",
            "nghi-quyet-lien-tich.yaml.tera",
            "nghị quyết liên tịch, chia Chương → Điều"
        )],
        bodies: LEGAL_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Always,
    },
    Entry {
        key: "thong-tu-lien-tich",
        type_name: "THÔNG TƯ LIÊN TỊCH",
        label: "Thông tư liên tịch",
        abbreviation: "TTLT",
        cited_as: Some(Cited {
            word: "Thông tư liên tịch",
            abbreviations: &["TTLT"],
        }),
        starters: &[starter!(
            "thong-tu-lien-tich",
            "thong-tu-lien-tich.yaml.tera",
            "thông tư liên tịch, chia Chương → Mục → Điều"
        )],
        bodies: LEGAL_BODY,
        untitled_articles: false,
        enacting: false,
        legal: Legal::Always,
    },
];

/// Every kind's key, in table order: serde's list of expected values for `kind`.
pub const KEYS: &[&str] = &{
    let mut keys = [""; KINDS.len()];
    let mut i = 0;
    while i < KINDS.len() {
        keys[i] = KINDS[i].key;
        i += 1;
    }
    keys
};

/// One kind of document: a row of [`KINDS`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kind(usize);

impl Kind {
    /// Every kind, in table order.
    pub fn all() -> impl Iterator<Item = Kind> {
        (0..KINDS.len()).map(Kind)
    }

    /// The kind whose spec key is `key`.
    pub fn from_key(key: &str) -> Option<Kind> {
        KINDS.iter().position(|e| e.key == key).map(Kind)
    }

    /// Its row of the table.
    pub fn entry(self) -> &'static Entry {
        &KINDS[self.0]
    }

    /// The type name as printed above the trích yếu (upper case).
    pub fn type_name(self) -> &'static str {
        self.entry().type_name
    }

    /// The value written after `kind:` in a spec ("quy-che-phoi-hop").
    pub fn key(self) -> &'static str {
        self.entry().key
    }

    /// The type name in normal case, as running text cites it ("Quy chế phối hợp").
    pub fn label(self) -> &'static str {
        self.entry().label
    }

    /// The Phụ lục III abbreviation that opens the ký hiệu.
    pub fn abbreviation(self) -> &'static str {
        self.entry().abbreviation
    }

    /// The body forms a spec of this kind may use.
    pub fn bodies(self) -> &'static [Body] {
        self.entry().bodies
    }

    /// Whether a Điều of this kind may go without a title.
    pub fn untitled_articles(self) -> bool {
        self.entry().untitled_articles
    }

    /// Whether a document of this kind names its enacting authority (`enacting`), as a
    /// decision does.
    pub fn enacting(self) -> bool {
        self.entry().enacting
    }

    /// Whether documents of this kind are legal documents, administrative ones, or either.
    pub fn legal(self) -> Legal {
        self.entry().legal
    }

    /// What follows "Số: …/" on the number line (ND 30, Phụ lục I, II.3): the year of a legal
    /// document (`year`, `None` for an administrative one), the kind's abbreviation and the
    /// issuers' abbreviations (in `issuers` order, already trimmed), joined by "-":
    /// `CTr-STTTT-HHDN`, or `2015/TTLT-BNV-BTC`.
    pub fn symbol<S: AsRef<str>>(
        self,
        year: Option<i32>,
        issuer_abbrs: impl IntoIterator<Item = S>,
    ) -> String {
        let mut symbol = year.map(|y| format!("{y}/")).unwrap_or_default();
        symbol.push_str(self.abbreviation());
        for abbr in issuer_abbrs {
            symbol.push('-');
            symbol.push_str(abbr.as_ref());
        }
        symbol
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kind({})", self.key())
    }
}

/// Every starter with its kind, in table order.
pub fn starters() -> impl Iterator<Item = (Kind, &'static Starter)> {
    Kind::all().flat_map(|k| k.entry().starters.iter().map(move |s| (k, s)))
}

/// Reads `kind:` as serde's derive reads a unit-only enum (so an unknown value is serde's
/// `unknown variant` error listing [`KEYS`], which the loader turns into Vietnamese, and a
/// variant index or a YAML tag reads as before).
impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_enum("Kind", KEYS, KindVisitor)
    }
}

/// The visitor of the enum [`Kind`].
struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = Kind;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("enum Kind")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Kind, A::Error> {
        let (kind, variant) = data.variant::<Variant>()?;
        variant.unit_variant()?;
        Ok(kind.0)
    }
}

/// The name of a variant of [`Kind`], read as an identifier.
struct Variant(Kind);

impl<'de> Deserialize<'de> for Variant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_identifier(VariantVisitor)
    }
}

/// The visitor of a variant name (or index).
struct VariantVisitor;

impl Visitor<'_> for VariantVisitor {
    type Value = Variant;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Variant, E> {
        usize::try_from(v)
            .ok()
            .filter(|i| *i < KINDS.len())
            .map(|i| Variant(Kind(i)))
            .ok_or_else(|| {
                let expected = format!("variant index 0 <= i < {}", KINDS.len());
                E::invalid_value(Unexpected::Unsigned(v), &expected.as_str())
            })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Variant, E> {
        Kind::from_key(v)
            .map(Variant)
            .ok_or_else(|| E::unknown_variant(v, KEYS))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Variant, E> {
        self.visit_str(&String::from_utf8_lossy(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_agree_within_each_entry() {
        for e in KINDS {
            assert_eq!(e.label.to_uppercase(), e.type_name, "{}", e.key);
            assert!(!e.bodies.is_empty(), "{}", e.key);
            assert!(
                e.key.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                e.key
            );
        }
        for (i, e) in KINDS.iter().enumerate() {
            assert!(KINDS[..i].iter().all(|o| o.key != e.key), "{}", e.key);
        }
    }

    #[test]
    fn one_function_composes_the_symbol() {
        let k = Kind::from_key("chuong-trinh-phoi-hop").unwrap();
        assert_eq!(k.symbol(None, ["STTTT", "HHDN"]), "CTr-STTTT-HHDN");
        assert_eq!(k.symbol(None, Vec::<String>::new()), "CTr");
        let legal = Kind::from_key("thong-tu-lien-tich").unwrap();
        assert_eq!(
            legal.symbol(Some(2015), ["BNV", "BTC"]),
            "2015/TTLT-BNV-BTC"
        );
    }

    #[test]
    fn kinds_sharing_a_citation_word_agree_on_its_abbreviations() {
        let cited: Vec<&Cited> = KINDS.iter().filter_map(|e| e.cited_as.as_ref()).collect();
        for a in &cited {
            for b in &cited {
                if a.word == b.word {
                    assert_eq!(a.abbreviations, b.abbreviations, "{}", a.word);
                }
            }
        }
    }

    #[test]
    fn an_unknown_key_is_serdes_unknown_variant_error() {
        let e = serde_yaml::from_str::<Kind>("quy-chee").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("unknown variant `quy-chee`, expected one of `chuong-trinh`"),
            "{e}"
        );
        assert_eq!(
            serde_yaml::from_str::<Kind>("ban-ghi-nho").unwrap().key(),
            "ban-ghi-nho"
        );
    }
}
