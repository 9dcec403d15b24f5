//! Specs of any size, made up for the scale tests and the benchmark's scale curves: many Điều,
//! many khoản in one Điều, many Phụ lục, long tables, a long word.
#![allow(dead_code)]

const HEAD: &str = "kind: quy-che\ntitle: Phối hợp thử quy mô\nplace: Huế\ndate: 2023-06-15\n\
    issuers: [{id: a, name: Sở A, abbr: SA}]\n";
const TAIL: &str = "signatures: [{issuer: a, title: Giám đốc, name: Nguyễn Văn A}]\n\
    recipients: [\"Lưu: VT\"]\n";
const ONE_ARTICLE: &str = "articles: [{title: Phạm vi, clauses: [Nội dung phối hợp]}]\n";

fn spec(body: &str) -> String {
    format!("{HEAD}{body}{TAIL}")
}

/// `n` Điều of two khoản each.
pub fn articles(n: usize) -> String {
    let mut body = String::from("articles:\n");
    for i in 0..n {
        body.push_str(&format!(
            "  - title: Nhiệm vụ phối hợp số {i}\n    clauses:\n\
             \x20     - Các bên trao đổi thông tin về công tác số {i} theo định kỳ hằng quý.\n\
             \x20     - Cơ quan chủ trì tổng hợp kết quả công tác số {i} và báo cáo.\n"
        ));
    }
    spec(&body)
}

/// One Điều of `n` khoản; with `edited`, the middle khoản has one word changed.
pub fn clauses(n: usize, edited: bool) -> String {
    let mut body = String::from("articles:\n  - title: Trách nhiệm của các bên\n    clauses:\n");
    for j in 0..n {
        let word = if edited && j == n / 2 {
            "tháng"
        } else {
            "quý"
        };
        body.push_str(&format!(
            "      - Đơn vị số {j} báo cáo kết quả phối hợp hằng {word} cho cơ quan chủ trì.\n"
        ));
    }
    spec(&body)
}

/// `n` small Phụ lục of one paragraph each.
pub fn appendices(n: usize) -> String {
    let mut body = format!("{ONE_ARTICLE}appendices:\n");
    for i in 0..n {
        body.push_str(&format!(
            "  - title: Danh sách số {i}\n    paragraphs: [Nội dung của phụ lục số {i}.]\n"
        ));
    }
    spec(&body)
}

/// One Phụ lục with a table of `rows` rows of five columns (a numbered one and four of text).
pub fn table(rows: usize) -> String {
    let mut body = format!(
        "{ONE_ARTICLE}appendices:\n  - title: Bảng nhiệm vụ\n    table:\n      columns:\n\
         \x20       - {{ title: STT, width: 12mm, align: center, number: true }}\n\
         \x20       - {{ title: Nhiệm vụ, width: 3fr }}\n\
         \x20       - {{ title: Chủ trì }}\n\
         \x20       - {{ title: Phối hợp }}\n\
         \x20       - {{ title: Thời gian }}\n      rows:\n"
    );
    for r in 0..rows {
        body.push_str(&format!(
            "        - [\"Nhiệm vụ số {r}\", \"Sở A\", \"Sở B\", \"Quý {}\"]\n",
            r % 4 + 1
        ));
    }
    spec(&body)
}

/// A spec whose only khoản holds a word of `len` letters.
pub fn long_word(len: usize) -> String {
    spec(&format!(
        "articles: [{{title: Phạm vi, clauses: [\"Nội dung {} hết.\"]}}]\n",
        "a".repeat(len)
    ))
}

/// A kế hoạch of `n` Mục I, II… of one paragraph each.
pub fn sections(n: usize) -> String {
    let mut body = String::from("sections:\n");
    for i in 0..n {
        body.push_str(&format!(
            "  - title: Nhiệm vụ số {i}\n    paragraphs: [Nội dung nhiệm vụ số {i}.]\n"
        ));
    }
    spec(&body).replacen("kind: quy-che", "kind: ke-hoach", 1)
}
