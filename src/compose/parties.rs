//! The party block of an agreement: "Hôm nay, ngày … tại …, chúng tôi gồm:", then for each
//! party "ĐẠI DIỆN …", the representative and the contact lines ("Chức vụ:", "Điện thoại:"…).

use super::Composer;
use super::rules::ISSUER_UNKNOWN;
use crate::document::{PartiesView, PartyView};
use crate::markup::{Text, fold_whitespace};
use crate::spec::{self, Spec};
use crate::vietnamese::date_or_blank;

impl Composer<'_, '_> {
    /// The party block of `p`; a blank signing date prints "ngày … tháng … năm `year`".
    pub(super) fn parties(&mut self, p: &spec::Parties, spec: &Spec, year: i32) -> PartiesView {
        let date = date_or_blank(p.signed(), year);
        let place = match &p.place {
            Some(place) => fold_whitespace(place),
            None => "………………".to_owned(),
        };
        let intro = Text::literal(&format!("Hôm nay, {date}, tại {place}, chúng tôi gồm:"));
        let members = p
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| self.party(m, spec, &format!("parties.members[{i}]")))
            .collect();
        PartiesView {
            intro,
            members,
            agreement: self.texts(&p.agreement, "parties.agreement"),
        }
    }

    fn party(&mut self, m: &spec::Party, spec: &Spec, path: &str) -> PartyView {
        let issuer = spec.issuers.iter().find(|x| x.id == m.issuer);
        if issuer.is_none() {
            self.error(
                &ISSUER_UNKNOWN,
                &format!("{path}.issuer"),
                format!(
                    "không có cơ quan nào mang mã `{}` trong `issuers`",
                    m.issuer
                ),
            );
        }
        let heading = match (&m.heading, issuer) {
            (Some(h), _) => self.lines(h, &format!("{path}.heading")).upper(),
            (None, Some(issuer)) => {
                let short = issuer.short.as_ref().unwrap_or(&issuer.name);
                let mut t = self.text(short, &format!("{path}.issuer")).upper();
                t.prepend_literal("ĐẠI DIỆN ");
                t
            }
            (None, None) => Text::default(),
        };
        let mut representative = self.text(&m.name, &format!("{path}.name")).upper();
        representative.prepend_literal(&format!("{}: ", fold_whitespace(&m.honorific)));
        let mut field = |label: &str, value: &Option<String>, key: &str| {
            value.as_ref().map(|v| {
                let mut t = self.text(v, &format!("{path}.{key}"));
                let prefix = if v.trim().is_empty() {
                    label.to_owned()
                } else {
                    format!("{label} ")
                };
                t.prepend_literal(&prefix);
                t
            })
        };
        let mut lines: Vec<Vec<Text>> = Vec::new();
        lines.extend(field("Chức vụ:", &m.position, "position").map(|t| vec![t]));
        lines.extend(field("Địa chỉ:", &m.address, "address").map(|t| vec![t]));
        let contact: Vec<Text> = [
            field("Điện thoại:", &m.phone, "phone"),
            field("Fax:", &m.fax, "fax"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !contact.is_empty() {
            lines.push(contact);
        }
        lines.extend(field("Email:", &m.email, "email").map(|t| vec![t]));
        for (k, more) in m.more.iter().enumerate() {
            lines.push(vec![self.text(more, &format!("{path}.more[{k}]"))]);
        }
        PartyView {
            heading,
            representative,
            lines,
        }
    }
}
