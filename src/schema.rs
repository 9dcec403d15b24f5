//! The JSON Schema of a spec, for editors (VS Code's YAML support: completion, hovers, inline
//! errors). It is derived from the Rust types in [`crate::spec`] with schemars; the Vietnamese
//! description of every type and field comes from the table below, and a test makes sure no
//! field is left without one. The enum of `kind` values comes from [`crate::kind::KINDS`].

use crate::kind::Kind;
use crate::spec::{Attached, AttachedWords, Row, Spec, SpecDate, Width};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// Vietnamese descriptions: (type — `*` for a field every type may have, field — empty for the
/// type itself, text).
const DESCRIPTIONS: &[(&str, &str, &str)] = &[
    (
        "*",
        "reason",
        "Lý do, thuyết minh của thay đổi: không in trong văn bản, chỉ in ở cột \"Lý do, thuyết minh\" của bảng so sánh (vanban diff).",
    ),
    (
        "Spec",
        "",
        "Văn bản phối hợp (chương trình, quy chế, kế hoạch phối hợp, bản thỏa thuận, bản ghi nhớ) trình bày theo Nghị định 30/2020/NĐ-CP.",
    ),
    (
        "Spec",
        "kind",
        "Loại văn bản: quyết định tên loại in trên văn bản và chữ viết tắt trong ký hiệu.",
    ),
    (
        "Spec",
        "title",
        "Trích yếu nội dung, viết chữ thường (trừ tên riêng); mỗi dòng là một dòng in.",
    ),
    (
        "Spec",
        "number",
        "Số văn bản (số nguyên dương); bỏ trống để văn thư ghi tay khi đăng ký.",
    ),
    (
        "Spec",
        "symbol",
        "Ký hiệu viết đầy đủ, thay cho ký hiệu tự ghép từ loại và chữ viết tắt các cơ quan.",
    ),
    (
        "Spec",
        "place",
        "Địa danh ở dòng ngày tháng, ví dụ \"Nghệ An\".",
    ),
    (
        "Spec",
        "date",
        "Ngày ban hành, dạng NĂM-THÁNG-NGÀY (2026-03-15); bỏ trống để văn thư ghi tay.",
    ),
    ("Spec", "year", "Năm ban hành, in sau ngày tháng để trống."),
    (
        "Spec",
        "period",
        "Giai đoạn thực hiện, ví dụ { from: 2026, to: 2030 }.",
    ),
    (
        "Spec",
        "issuers",
        "Các cơ quan, tổ chức ban hành, cơ quan chủ trì trước.",
    ),
    (
        "Spec",
        "bases",
        "Căn cứ ban hành, mỗi dòng một văn bản; \"Căn cứ\" và dấu câu cuối được tự thêm.",
    ),
    (
        "Spec",
        "parties",
        "Thành phần ký kết (bản thỏa thuận, bản ghi nhớ): \"Hôm nay, ngày … tại …, chúng tôi gồm:\".",
    ),
    (
        "Spec",
        "preamble",
        "Phần mở đầu, sau căn cứ, trước nội dung.",
    ),
    (
        "Spec",
        "chapters",
        "Nội dung chia Chương → Điều (hoặc Chương → Mục → Điều).",
    ),
    ("Spec", "articles", "Nội dung chia Điều, không có chương."),
    (
        "Spec",
        "sections",
        "Nội dung chia mục I., II. → khoản 1., 2.",
    ),
    (
        "Spec",
        "divisions",
        "Nội dung chia Mục → Điều (văn bản quy phạm pháp luật không có chương).",
    ),
    ("Spec", "closing", "Đoạn kết, sau nội dung, trước chữ ký."),
    (
        "Spec",
        "signatures",
        "Các khối chữ ký, hai khối một hàng, theo thứ tự ghi.",
    ),
    (
        "Spec",
        "recipients",
        "Nơi nhận, mỗi dòng một nơi, dòng cuối \"Lưu: …\"; dấu \"-\", \";\", \".\" được tự thêm.",
    ),
    (
        "Spec",
        "drafter",
        "Ký hiệu người soạn thảo văn bản và số lượng bản phát hành (nếu cần), ví dụ \"MinhHồng/QĐ/20.11.2025\": in nguyên văn, một dòng dưới Nơi nhận, cỡ chữ 11, chữ đứng.",
    ),
    (
        "Spec",
        "appendices",
        "Các phụ lục, in sau chữ ký, mỗi phụ lục sang trang mới.",
    ),
    ("Spec", "layout", "Cách sắp xếp cho văn bản liên tịch."),
    (
        "Spec",
        "heading",
        "Một khối tên cơ quan in chung cho các cơ quan ban hành (thay cho mỗi cơ quan một khối), ví dụ \"Ủy ban nhân dân - Ủy ban MTTQ Việt Nam\\ntỉnh …\".",
    ),
    (
        "Spec",
        "enacting",
        "Thẩm quyền ban hành (ví dụ \"Chủ tịch Ủy ban nhân dân tỉnh …\"). Quyết định hành chính: in hoa dưới trích yếu, sau căn cứ in \"QUYẾT ĐỊNH:\". Văn bản quy phạm pháp luật: mở đầu câu ban hành cuối phần căn cứ (\"Ủy ban nhân dân tỉnh … ban hành Quyết định …\"). Mỗi dòng một thẩm quyền khi ban hành liên tịch.",
    ),
    (
        "Spec",
        "legal",
        "Văn bản quy phạm pháp luật (chỉ chọn ở quyết định): `true` thì số có năm (\"26/2025/QĐ-UBND\") và phần căn cứ kết thúc bằng câu ban hành thay cho dòng thẩm quyền và \"QUYẾT ĐỊNH:\".",
    ),
    (
        "Spec",
        "attachments",
        "Văn bản ban hành kèm theo quyết định (quy chế, chương trình …): in sau quyết định, có khối tên cơ quan, không có dòng số và ngày, có dòng \"(Kèm theo Quyết định số …)\", đánh số Điều và số trang riêng.",
    ),
    (
        "Heading",
        "",
        "Khối tên cơ quan in chung: dòng cơ quan chủ quản (chữ thường) và tên (in đậm).",
    ),
    (
        "Heading",
        "parent",
        "Cơ quan chủ quản (nếu có), in hoa, chữ đứng không đậm.",
    ),
    (
        "Heading",
        "name",
        "Tên các cơ quan, in hoa đậm; mỗi dòng của chữ YAML là một dòng in.",
    ),
    (
        "Attachment",
        "",
        "Một văn bản ban hành kèm theo quyết định.",
    ),
    ("Attachment", "id", "Mã tự đặt (không in ra)."),
    (
        "Attachment",
        "kind",
        "Loại của văn bản kèm theo (quy-che-phoi-hop, chuong-trinh-phoi-hop …).",
    ),
    ("Attachment", "title", "Trích yếu của văn bản kèm theo."),
    (
        "Attachment",
        "attached",
        "Dòng dưới trích yếu khi không theo mẫu \"Kèm theo Quyết định số … ngày … của …\": cả dòng (in trong ngoặc đơn), hoặc { opening: Ban hành kèm theo } để đổi vài chữ mà vẫn giữ số, ngày của quyết định (để trống khi chưa có).",
    ),
    (
        "Attachment",
        "bases",
        "Căn cứ riêng của văn bản kèm theo (nếu có).",
    ),
    ("Attachment", "preamble", "Các đoạn trước nội dung."),
    ("Attachment", "chapters", "Nội dung chia Chương → Điều."),
    (
        "Attachment",
        "articles",
        "Nội dung chia Điều, không có chương.",
    ),
    (
        "Attachment",
        "sections",
        "Nội dung chia mục I., II. → khoản 1., 2.",
    ),
    ("Attachment", "divisions", "Nội dung chia Mục → Điều."),
    ("Attachment", "closing", "Các đoạn sau nội dung."),
    (
        "Attachment",
        "signatures",
        "Khối chữ ký ở cuối văn bản kèm theo, khi cơ quan ký cả văn bản này.",
    ),
    (
        "Attachment",
        "appendices",
        "Các phụ lục của văn bản kèm theo.",
    ),
    ("Kind", "", "Loại văn bản."),
    (
        "SpecDate",
        "",
        "Ngày có thật, dạng NĂM-THÁNG-NGÀY, ví dụ 2026-03-15.",
    ),
    ("Period", "", "Giai đoạn thực hiện."),
    ("Period", "from", "Năm bắt đầu."),
    ("Period", "to", "Năm kết thúc."),
    ("Issuer", "", "Một cơ quan, tổ chức ban hành."),
    (
        "Issuer",
        "id",
        "Mã tự đặt (chữ không dấu, số, -), dùng trong chữ ký và thành phần ký kết.",
    ),
    (
        "Issuer",
        "parent",
        "Cơ quan chủ quản, in phía trên tên cơ quan (chữ đứng).",
    ),
    (
        "Issuer",
        "name",
        "Tên cơ quan, tổ chức (in hoa, đậm); xuống dòng trong tên là xuống dòng khi in.",
    ),
    (
        "Issuer",
        "abbr",
        "Chữ viết tắt dùng trong ký hiệu, ví dụ STP.",
    ),
    (
        "Issuer",
        "short",
        "Tên gọi tắt, dùng trong \"ĐẠI DIỆN …\" của thành phần ký kết.",
    ),
    (
        "Issuer",
        "seal",
        "Đường kính con dấu của cơ quan, tính bằng mm (ví dụ 38): cỡ ô chữ ký số của cơ quan (hình dấu đỏ, đúng kích thước thật); bỏ trống thì dùng 36 mm.",
    ),
    ("Parties", "", "Thành phần tham gia ký kết."),
    (
        "Parties",
        "date",
        "Ngày ký kết; bỏ trống thì in \"ngày … tháng … năm …\".",
    ),
    ("Parties", "place", "Địa điểm ký kết."),
    (
        "Parties",
        "agreement",
        "Câu sau phần đại diện, ví dụ \"Hai bên thống nhất … như sau:\".",
    ),
    ("Parties", "members", "Đại diện từng bên, theo thứ tự in."),
    ("Party", "", "Đại diện một bên."),
    ("Party", "issuer", "Mã (id) của cơ quan trong issuers."),
    (
        "Party",
        "heading",
        "Dòng tiêu đề thay cho \"ĐẠI DIỆN <tên gọi tắt>\".",
    ),
    ("Party", "honorific", "Danh xưng: Ông hoặc Bà."),
    ("Party", "name", "Họ và tên người đại diện."),
    ("Party", "position", "Chức vụ."),
    ("Party", "address", "Địa chỉ."),
    ("Party", "phone", "Điện thoại."),
    ("Party", "fax", "Số fax (in cùng dòng điện thoại)."),
    ("Party", "email", "Thư điện tử."),
    (
        "Party",
        "more",
        "Các dòng khác in nguyên văn (mã số thuế, tài khoản …).",
    ),
    ("Chapter", "", "Chương: nhóm các Điều, có tên."),
    (
        "Chapter",
        "id",
        "Mã tự đặt để dẫn chiếu [[mã]] → \"Chương II\"; không in ra.",
    ),
    ("Chapter", "title", "Tên chương (in hoa)."),
    (
        "Chapter",
        "articles",
        "Các Điều của chương (đánh số liên tục cả văn bản).",
    ),
    (
        "Chapter",
        "divisions",
        "Các Mục của chương (văn bản quy phạm pháp luật): Mục 1, Mục 2 … đánh số lại từ 1 trong mỗi chương.",
    ),
    (
        "Division",
        "",
        "Mục của văn bản quy phạm pháp luật: \"Mục 1\" và tên mục in hoa, chứa các Điều.",
    ),
    (
        "Division",
        "id",
        "Mã tự đặt để dẫn chiếu [[mã]] → \"Mục 2\"; không in ra.",
    ),
    ("Division", "title", "Tên mục (in hoa)."),
    (
        "Division",
        "articles",
        "Các Điều của mục (đánh số liên tục cả văn bản).",
    ),
    ("Article", "", "Điều."),
    (
        "Article",
        "id",
        "Mã tự đặt để dẫn chiếu [[mã]] → \"Điều 4\"; không in ra.",
    ),
    (
        "Article",
        "title",
        "Tên điều. Quyết định có thể để Điều không tên: khi đó ghi nội dung ở `text`.",
    ),
    (
        "Article",
        "text",
        "Nội dung in ngay sau \"Điều 1.\" trên cùng dòng, cho Điều không có tên (ví dụ \"Ban hành kèm theo Quyết định này …\").",
    ),
    (
        "Article",
        "paragraphs",
        "Các đoạn văn của điều, in theo thứ tự các khóa được viết (thường đặt trước các khoản).",
    ),
    (
        "Article",
        "clauses",
        "Các khoản 1., 2.; mỗi khoản là một dòng chữ hoặc một bảng khóa.",
    ),
    ("Section", "", "Mục I., II.: có tên, chứa các khoản."),
    (
        "Section",
        "id",
        "Mã tự đặt để dẫn chiếu [[mã]] → \"Mục III\"; không in ra.",
    ),
    ("Section", "title", "Tên mục (in hoa)."),
    (
        "Section",
        "paragraphs",
        "Các đoạn văn của mục, in theo thứ tự các khóa được viết (thường đặt trước các khoản).",
    ),
    ("Section", "clauses", "Các khoản 1., 2. của mục."),
    ("Section", "items", "Các ý gạch đầu dòng ngay dưới mục."),
    (
        "Clause",
        "",
        "Khoản 1., 2.: một dòng chữ, hoặc có tiêu đề riêng, điểm và ý.",
    ),
    (
        "Clause",
        "id",
        "Mã tự đặt để dẫn chiếu [[mã]] → \"khoản 2 Điều 4\"; không in ra.",
    ),
    (
        "Clause",
        "title",
        "Tiêu đề khoản, in đậm trên một dòng riêng.",
    ),
    ("Clause", "text", "Nội dung sau số khoản."),
    (
        "Clause",
        "points",
        "Các điểm a), b), … (thứ tự chữ cái tiếng Việt).",
    ),
    ("Clause", "items", "Các ý gạch đầu dòng."),
    (
        "Clause",
        "paragraphs",
        "Các đoạn văn của khoản, in theo thứ tự các khóa được viết: viết trước points thì in trước các điểm, viết sau (thường lệ) thì in sau điểm và ý.",
    ),
    ("Point", "", "Điểm a), b), …"),
    (
        "Point",
        "id",
        "Mã tự đặt để dẫn chiếu [[mã]] → \"điểm a khoản 2 Điều 4\"; không in ra.",
    ),
    ("Point", "text", "Nội dung sau chữ cái."),
    ("Point", "items", "Các ý gạch đầu dòng dưới điểm."),
    (
        "Point",
        "paragraphs",
        "Các đoạn tiếp theo của điểm, in sau nội dung điểm, trước hay sau các ý theo thứ tự các khóa được viết.",
    ),
    ("Item", "", "Ý gạch đầu dòng \"-\" (cấp hai: \"+\")."),
    (
        "Item",
        "id",
        "Mã tự đặt; ý gạch đầu dòng không có số nên không dẫn chiếu được.",
    ),
    ("Item", "text", "Nội dung sau dấu gạch."),
    ("Item", "items", "Các ý \"+\" dưới ý \"-\"."),
    ("Signature", "", "Một khối chữ ký."),
    ("Signature", "issuer", "Mã (id) của cơ quan ký."),
    (
        "Signature",
        "authority",
        "Thẩm quyền ký, các dòng trên chức vụ: TM., KT., Q., TL., TUQ. hoặc tên cơ quan.",
    ),
    ("Signature", "title", "Chức vụ người ký (in hoa, đậm)."),
    ("Signature", "name", "Họ và tên người ký."),
    (
        "Layout",
        "",
        "Cách sắp xếp mà Nghị định 30 để ngỏ (văn bản liên tịch).",
    ),
    (
        "Layout",
        "lead_side",
        "Bên đặt khối chữ ký đầu mỗi hàng (cơ quan chủ trì): left (mặc định) hoặc right.",
    ),
    ("Side", "", "Cột trái (left) hoặc phải (right)."),
    (
        "Appendix",
        "",
        "Phụ lục: sang trang mới, đánh số trang riêng.",
    ),
    (
        "Appendix",
        "id",
        "Mã tự đặt để dẫn chiếu [[mã]] → \"Phụ lục II\"; không in ra.",
    ),
    ("Appendix", "title", "Tên phụ lục (in hoa, đậm)."),
    (
        "Appendix",
        "landscape",
        "Trình bày khổ ngang (cho bảng rộng).",
    ),
    (
        "Appendix",
        "attached",
        "Dòng dưới tên phụ lục khi không theo mẫu \"Kèm theo … số … ngày … của …\" lập từ văn bản chứa phụ lục: cả dòng (in trong ngoặc đơn), hoặc { opening: …, of: … } để đổi vài chữ mà vẫn giữ số, ngày của văn bản.",
    ),
    (
        "Appendix",
        "paragraphs",
        "Các đoạn văn (thường đặt trước bảng); in theo thứ tự các khóa được viết.",
    ),
    (
        "Appendix",
        "clauses",
        "Các khoản 1., 2. (có điểm a), b), ý -) của phụ lục, đánh số như trong văn bản; [[mã]] in \"khoản 2 Phụ lục II\".",
    ),
    (
        "Appendix",
        "table",
        "Bảng của phụ lục (khi chỉ có một bảng).",
    ),
    (
        "Appendix",
        "tables",
        "Các bảng của phụ lục (Mẫu I, Mẫu II …), in theo thứ tự; mỗi bảng có thể có tên (caption).",
    ),
    ("Appendix", "notes", "Các đoạn sau bảng."),
    (
        "Attached",
        "",
        "Dòng \"(Kèm theo …)\" dưới tên phụ lục hoặc trích yếu văn bản kèm theo: cả dòng, hoặc các chữ thay trong dòng thường lệ.",
    ),
    (
        "AttachedWords",
        "",
        "Các chữ thay trong dòng \"(Kèm theo … số … ngày … của …)\"; số và ngày vẫn lấy từ văn bản.",
    ),
    (
        "AttachedWords",
        "opening",
        "Chữ mở đầu dòng thay cho \"Kèm theo\", ví dụ \"Ban hành kèm theo\".",
    ),
    (
        "AttachedWords",
        "of",
        "Chủ thể sau chữ \"của\", ví dụ \"Chủ tịch Ủy ban nhân dân tỉnh …\".",
    ),
    ("Table", "", "Bảng có hàng tiêu đề lặp lại ở mỗi trang."),
    (
        "Table",
        "caption",
        "Tên bảng in đậm, căn giữa phía trên bảng, ví dụ \"Mẫu I\"; mỗi dòng của chữ YAML là một dòng in.",
    ),
    ("Table", "columns", "Các cột, từ trái sang phải."),
    (
        "Table",
        "rows",
        "Các hàng: danh sách ô, hoặc { group: tên nhóm }.",
    ),
    (
        "Table",
        "number_groups",
        "Đánh số La Mã I, II … cho các hàng nhóm (mặc định true); false để in hàng nhóm không số.",
    ),
    (
        "Table",
        "notes",
        "Các đoạn in ngay dưới bảng, ví dụ \"Ghi chú: …\".",
    ),
    ("Column", "", "Một cột của bảng."),
    ("Column", "title", "Tên cột."),
    (
        "Column",
        "width",
        "Độ rộng: một số (tỉ lệ) hoặc độ dài như 12mm, 3fr, 20%.",
    ),
    ("Column", "align", "Căn lề các ô: left, center hoặc right."),
    (
        "Column",
        "number",
        "Cột số thứ tự do chương trình tự đánh; các hàng không ghi ô này.",
    ),
    (
        "Width",
        "",
        "Độ rộng cột: số (tỉ lệ) hoặc độ dài có đơn vị mm, cm, pt, fr, %.",
    ),
    ("Align", "", "Căn lề: left, center hoặc right."),
    (
        "Row",
        "",
        "Một hàng: danh sách ô, hoặc hàng nhóm { group: tên nhóm }.",
    ),
    (
        "Row",
        "group",
        "Tên nhóm: hàng in đậm trải hết bề ngang bảng; các hàng sau nó đánh số lại từ 1.",
    ),
    (
        "Row",
        "number",
        "Đánh số La Mã (I, II …) cho hàng nhóm này hay không; bỏ trống thì theo number_groups của bảng.",
    ),
];

/// The schema of a spec as JSON, with Vietnamese descriptions and the draft it follows.
pub fn spec_schema() -> serde_json::Value {
    let mut value = schemars::schema_for!(Spec).to_value();
    describe(&mut value, "Spec");
    if let Some(defs) = value.get_mut("$defs").and_then(|d| d.as_object_mut()) {
        for (name, def) in defs.iter_mut() {
            describe(def, name);
        }
    }
    if let Some(root) = value.as_object_mut() {
        root.insert("title".into(), "Tệp YAML của vanban".into());
    }
    drop_null_defaults(&mut value);
    value
}

/// Removes every `"default": null` (what schemars writes for an optional field). The YAML
/// language server, which VS Code's YAML extension runs, offers no completion at all in a map
/// whose properties carry one (yaml-language-server 1.25; tests/editor.rs drives it); an absent
/// default means the same to a validator.
fn drop_null_defaults(value: &mut serde_json::Value) {
    let mut pending = vec![value];
    while let Some(v) = pending.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if map.get("default").is_some_and(serde_json::Value::is_null) {
                    map.remove("default");
                }
                pending.extend(map.values_mut());
            }
            serde_json::Value::Array(items) => pending.extend(items.iter_mut()),
            _ => {}
        }
    }
}

/// Puts the Vietnamese descriptions of `ty` on a schema object and on its properties.
fn describe(schema: &mut serde_json::Value, ty: &str) {
    let text = |field: &str| {
        DESCRIPTIONS
            .iter()
            .find(|(t, f, _)| *t == ty && *f == field)
            .or_else(|| {
                DESCRIPTIONS
                    .iter()
                    .find(|(t, f, _)| *t == "*" && *f == field && !field.is_empty())
            })
            .map(|(_, _, d)| *d)
    };
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    match text("") {
        Some(d) => object.insert("description".into(), d.into()),
        None => object.remove("description"),
    };
    if let Some(props) = object.get_mut("properties").and_then(|p| p.as_object_mut()) {
        for (field, prop) in props.iter_mut() {
            if let Some(prop) = prop.as_object_mut() {
                match text(field) {
                    Some(d) => prop.insert("description".into(), d.into()),
                    None => prop.remove("description"),
                };
            }
        }
    }
}

/// A list of texts that may also be written as one text (`one_or_many` in the spec).
pub fn one_or_many(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }, { "type": "null" }]
    })
}

/// A list whose elements are a plain text or a full `T` (clauses, points, items).
pub fn text_or<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    let full = generator.subschema_for::<T>();
    json_schema!({
        "anyOf": [
            { "type": "array", "items": { "anyOf": [{ "type": "string" }, full] } },
            { "type": "null" }
        ]
    })
}

/// One value per row of [`crate::kind::KINDS`], described by its name and abbreviation.
impl JsonSchema for Kind {
    fn schema_name() -> Cow<'static, str> {
        "Kind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let one_of: Vec<serde_json::Value> = Kind::all()
            .map(|k| {
                serde_json::json!({
                    "type": "string",
                    "const": k.key(),
                    "description": format!("{} ({}).", k.label(), k.abbreviation()),
                })
            })
            .collect();
        json_schema!({ "oneOf": one_of })
    }
}

impl JsonSchema for SpecDate {
    fn schema_name() -> Cow<'static, str> {
        "SpecDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$" })
    }
}

impl JsonSchema for Width {
    fn schema_name() -> Cow<'static, str> {
        "Width".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "number", "exclusiveMinimum": 0 },
                { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(mm|cm|pt|fr|%)?$" }
            ]
        })
    }
}

impl JsonSchema for Attached {
    fn schema_name() -> Cow<'static, str> {
        "Attached".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let words = generator.subschema_for::<AttachedWords>();
        json_schema!({ "anyOf": [{ "type": "string" }, words] })
    }
}

impl JsonSchema for Row {
    fn schema_name() -> Cow<'static, str> {
        "Row".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "array", "items": { "type": ["string", "number", "boolean", "null"] } },
                {
                    "type": "object",
                    "properties": {
                        "group": { "type": "string" },
                        "number": { "type": "boolean" }
                    },
                    "required": ["group"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every description in the schema (types and fields), with where it is.
    fn descriptions(value: &serde_json::Value, at: &str, out: &mut Vec<(String, Option<String>)>) {
        let Some(object) = value.as_object() else {
            return;
        };
        if let Some(props) = object.get("properties").and_then(|p| p.as_object()) {
            for (field, prop) in props {
                let d = prop
                    .get("description")
                    .and_then(|d| d.as_str())
                    .map(str::to_owned);
                out.push((format!("{at}.{field}"), d));
            }
        }
    }

    #[test]
    fn every_type_and_field_is_described_in_vietnamese() {
        let schema = spec_schema();
        let mut all = Vec::new();
        descriptions(&schema, "Spec", &mut all);
        for (name, def) in schema["$defs"].as_object().unwrap() {
            let d = def
                .get("description")
                .and_then(|d| d.as_str())
                .map(str::to_owned);
            all.push((name.clone(), d));
            descriptions(def, name, &mut all);
        }
        assert!(all.len() > 90, "{}", all.len());
        for (at, d) in all {
            let d = d.unwrap_or_else(|| panic!("{at} has no description"));
            assert!(!d.is_ascii(), "{at}: not Vietnamese: {d}");
        }
    }
}
