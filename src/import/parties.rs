//! The parties of a thỏa thuận or chương trình ("Hôm nay, ngày … tại …, chúng tôi gồm:", then
//! for each party "ĐẠI DIỆN …", "Ông: …", "Chức vụ: …", "Địa chỉ: …", "Điện thoại: … Fax: …",
//! "Email: …"), read from the lines of the preamble into the spec's `parties`.

use super::yaml::{Map, Node, Noted};

/// The parties read from `lines`: the lines before the "chúng tôi gồm" line (still preamble),
/// the `parties` map, and each party's heading after "ĐẠI DIỆN " (its short name). `None` when
/// the lines hold no such block. `signers` are the names of the signature blocks: a party's
/// name prints in capitals, and is written as its signature writes it. Parties are given to
/// the issuers `ids` in order.
pub fn read(
    lines: &[String],
    signers: &[String],
    ids: &[String],
) -> Option<(usize, Map, Vec<String>)> {
    let start = lines.iter().position(|l| l.contains("chúng tôi gồm"))?;
    let opening = &lines[start];
    let mut members: Vec<Map> = Vec::new();
    let mut shorts = Vec::new();
    let mut agreement = Vec::new();
    for line in &lines[start + 1..] {
        if !agreement.is_empty() {
            agreement.push(Noted::plain(Node::Text(line.clone())));
            continue;
        }
        if let Some(short) = line.strip_prefix("ĐẠI DIỆN ") {
            let mut m = Map::new();
            m.text("issuer", ids.get(members.len())?);
            members.push(m);
            shorts.push(short.to_owned());
            continue;
        }
        let member = members.last_mut()?;
        if let Some((honorific, name)) = ["Ông", "Bà"]
            .iter()
            .find_map(|h| line.strip_prefix(&format!("{h}:")).map(|n| (*h, n.trim())))
        {
            let name = signers
                .iter()
                .find(|s| s.to_uppercase() == name.to_uppercase())
                .map_or(name, String::as_str);
            member.text("honorific", honorific);
            member.text("name", name);
        } else if let Some(position) = line.strip_prefix("Chức vụ:") {
            member.text("position", position.trim());
        } else if let Some(address) = line.strip_prefix("Địa chỉ:") {
            member.text("address", address.trim());
        } else if let Some(contact) = line.strip_prefix("Điện thoại:") {
            let (phone, fax) = match contact.split_once("Fax:") {
                Some((p, f)) => (p, Some(f)),
                None => (contact, None),
            };
            member.text("phone", phone.trim());
            if let Some(fax) = fax {
                member.text("fax", fax.trim());
            }
        } else if let Some(fax) = line.strip_prefix("Fax:") {
            member.text("fax", fax.trim());
        } else if let Some(email) = line.strip_prefix("Email:") {
            member.text("email", email.trim());
        } else if member.get("name").is_some() {
            agreement.push(Noted::plain(Node::Text(line.clone())));
        } else {
            return None;
        }
    }
    if members.is_empty() || members.iter().any(|m| m.get("name").is_none()) {
        return None;
    }
    let mut parties = Map::new();
    // "…, tại <place>, chúng tôi gồm:"
    if let Some((_, after)) = opening.split_once(", tại ")
        && let Some((place, _)) = after.split_once(", chúng tôi gồm")
    {
        parties.text("place", place.trim());
    }
    parties.list("agreement", agreement);
    let members = members
        .into_iter()
        .map(|m| Noted::plain(Node::Map(m)))
        .collect();
    parties.list("members", members);
    Some((start, parties, shorts))
}
