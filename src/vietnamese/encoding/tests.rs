//! Detection and conversion of TCVN3 and VNI text on real passages.

use super::*;

/// The 67 lower-case Vietnamese letters with a diacritic, in a fixed order.
fn letters() -> Vec<char> {
    let mut all: Vec<char> = TONED.iter().flat_map(|(_, f)| f.iter().copied()).collect();
    all.extend(['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ']);
    all
}

#[test]
fn all_134_letters_exist_once() {
    let lower = letters();
    assert_eq!(lower.len(), 67);
    let mut all: Vec<char> = lower
        .iter()
        .copied()
        .chain(lower.iter().map(|&c| upper(c)))
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 134);
}

#[test]
fn tcvn3_table_covers_every_lower_case_letter_and_seven_capitals() {
    let mut targets: Vec<char> = TCVN3.iter().map(|(_, u)| *u).collect();
    targets.sort();
    targets.dedup();
    assert_eq!(targets.len(), 74, "no letter twice");
    for c in letters() {
        assert!(targets.contains(&c), "{c} missing from TCVN3");
    }
    let capitals: String = TCVN3
        .iter()
        .map(|(_, u)| *u)
        .filter(|u| u.is_uppercase())
        .collect();
    assert_eq!(capitals, "ĂÂÊÔƠƯĐ");
}

/// Encodes Unicode as TCVN3 (for round trips): capitals other than the seven become the
/// H-font lower-case byte, which only shows as a capital in an all-capitals word.
fn to_tcvn3(text: &str) -> String {
    text.chars()
        .map(|c| {
            TCVN3
                .iter()
                .find(|(_, u)| *u == c)
                .or_else(|| TCVN3.iter().find(|(_, u)| *u == lower(c)))
                .map_or(c, |(b, _)| *b)
        })
        .collect()
}

/// Encodes Unicode as VNI (for round trips), from the rules of the encoding.
fn to_vni(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in text.chars() {
        let capital = c.is_uppercase();
        let l = lower(c);
        let case = |m: char| with_case(m, capital);
        let single = match l {
            'đ' => Some('ñ'),
            'ơ' => Some('ô'),
            'ư' => Some('ö'),
            'ỵ' => Some('î'),
            _ => None,
        };
        if let Some(s) = single {
            out.push(case(s));
            continue;
        }
        if let Some(t) = TONED[5].1.iter().position(|&x| x == l) {
            out.push(case(VNI_I[t]));
            continue;
        }
        // Find base and tone.
        let found = TONED
            .iter()
            .find_map(|(b, f)| f.iter().position(|&x| x == l).map(|t| (*b, Some(t))));
        let (base, tone) = found.unwrap_or((l, None));
        let (plain, marks): (char, &[char; TONES]) = match base {
            'â' => ('a', &VNI_CIRCUMFLEX_TONE),
            'ê' => ('e', &VNI_CIRCUMFLEX_TONE),
            'ô' => ('o', &VNI_CIRCUMFLEX_TONE),
            'ă' => ('a', &VNI_BREVE_TONE),
            'ơ' => ('ô', &VNI_TONE),
            'ư' => ('ö', &VNI_TONE),
            other => (other, &VNI_TONE),
        };
        out.push(case(plain));
        match tone {
            Some(t) => out.push(case(marks[t])),
            None if matches!(base, 'â' | 'ê' | 'ô') => out.push(case('â')),
            None if base == 'ă' => out.push(case('ê')),
            None => {}
        }
    }
    out.nfc().collect()
}

#[test]
fn known_legacy_sentences_convert() {
    assert_eq!(
        tcvn3_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
        "Cộng hoà xã hội chủ nghĩa Việt Nam"
    );
    assert_eq!(
        tcvn3_to_unicode("§éc lËp - Tù do - H¹nh phóc"),
        "Độc lập - Tự do - Hạnh phúc"
    );
    assert_eq!(
        tcvn3_to_unicode("QuyÕt ®Þnh cña Bé tr\u{AD}ëng"),
        "Quyết định của Bộ trưởng"
    );
    assert_eq!(tcvn3_to_unicode("CéNG HßA X· HéI"), "CỘNG HÒA XÃ HỘI");
    assert_eq!(
        vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    );
    assert_eq!(
        vni_to_unicode("ñöôïc giao nhieäm vuï, ngöôøi khai, ñaêng kyù, saün coù"),
        "được giao nhiệm vụ, người khai, đăng ký, sẵn có"
    );
    assert_eq!(vni_to_unicode("ÑOÄC LAÄP - TÖÏ DO"), "ĐỘC LẬP - TỰ DO");
}

#[test]
fn every_letter_round_trips_through_both_encodings() {
    let lower: String = letters().into_iter().collect();
    let upper_text: String = lower.chars().map(upper).collect();
    // Lower case, and capitals as a whole-capitals word (H font).
    for text in [lower.clone(), format!("XY{upper_text}")] {
        assert_eq!(tcvn3_to_unicode(&to_tcvn3(&text)), text);
    }
    for text in [lower, upper_text] {
        // One letter per word, so that pairs never run into each other.
        let spaced: String = text.chars().map(|c| format!("{c} ")).collect();
        assert_eq!(vni_to_unicode(&to_vni(&spaced)), spaced);
    }
}

#[test]
fn detection_picks_the_encoding_and_leaves_unicode_alone() {
    let d = detect("Céng hoµ x· héi chñ nghÜa ViÖt Nam").unwrap();
    assert_eq!(d.encoding, Legacy::Tcvn3);
    let d = detect("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam").unwrap();
    assert_eq!(d.encoding, Legacy::Vni);
    assert_eq!(d.converted, "Cộng hòa xã hội chủ nghĩa Việt Nam");
    let d = detect("Bieân baûn ghi lôøi khai ngöôøi laøm chöùng").unwrap();
    assert_eq!(d.encoding, Legacy::Vni);
    assert_eq!(
        detect("Biªn b¶n ghi lêi khai").unwrap().encoding,
        Legacy::Tcvn3
    );
    for fine in [
        "Cộng hoà xã hội chủ nghĩa Việt Nam",
        "Hoà Bình",
        "Le café « crème » coûte trop cher",
        "5 µm",
        "« x »",
        "«Mục đích thứ hai»",
        "Report of the meeting",
        "Señor Muñoz",
    ] {
        assert_eq!(detect(fine), None, "{fine}");
    }
}
