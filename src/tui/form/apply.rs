//! Entered text read as values: bureaus, amounts, dates and months, each
//! checked before it touches the register (see the field table).

use super::*;
use crate::model::Refused;

/// `ICT, HRD` → those bureaus; `all` (or ทุกสำนัก) → every bureau; empty →
/// the lead alone. Unknown codes are left to the validator to flag in place.
pub fn co_responsible(text: &str) -> Result<CoResponsible, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(CoResponsible::LeadOnly);
    }
    if t.eq_ignore_ascii_case("all") || t == "ทุกสำนัก" {
        return Ok(CoResponsible::AllBureaus);
    }
    let codes = t
        .split([',', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| BureauCode::new(c.to_ascii_uppercase()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CoResponsible::Bureaus(codes))
}

pub(super) fn money(s: &str) -> Result<Money, Refused> {
    let cleaned: String = s.trim().chars().filter(|c| *c != ',').collect();
    Money::try_from(cleaned)
}

pub(super) fn date(s: &str) -> Result<Option<Date>, Refused> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    Date::parse_written(s).map(Some)
}

pub(super) fn year_month(s: &str) -> Result<YearMonth, Refused> {
    YearMonth::try_from(s.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Catalog, load_register};
    use std::path::Path;

    fn sample() -> (Register, Catalog) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers");
        let reg = load_register(&root.join("2567/FIN.ron"))
            .expect("FIN loads")
            .value;
        (reg, Catalog::load(&root).expect("catalog loads"))
    }

    #[test]
    fn money_with_separators_is_accepted_and_garbage_refused() {
        let (mut reg, _) = sample();
        let t = Form::Monitoring {
            risk: 0,
            measure: 0,
            round: RoundId::new("6m").expect("id"),
        };
        set_text(Field::Disbursed, &t, &mut reg, "1,234.50", None).expect("accepted");
        assert_eq!(
            reg.risks[0].measures[0]
                .at_round(&RoundId::new("6m").expect("id"))
                .map(|m| m.disbursed),
            Some(Money::from_satang(123_450))
        );
        let before = reg.clone();
        let err = set_text(Field::Disbursed, &t, &mut reg, "12.345", None).expect_err("refused");
        assert!(err.to_string().contains("two decimals"), "{err}");
        assert_eq!(reg, before, "a refused value changes nothing");
    }

    #[test]
    fn ratings_are_chosen_from_the_methodology_levels() {
        let (mut reg, cat) = sample();
        let method = cat.method(&reg.methodology).cloned();
        let ctx = Ctx {
            register: &reg,
            method: method.as_ref(),
            approaches: &cat.approaches.value,
            lang: Lang::Th,
        };
        let Kind::Pick(opts) = kind(Field::InherentL, &ctx) else {
            panic!("a pick-list")
        };
        assert_eq!(opts.len(), 5);
        assert!(opts[0].starts_with("1 "));
        set_pick(
            Field::InherentL,
            &Form::Risk(0),
            &mut reg,
            method.as_ref(),
            &cat.approaches.value,
            4,
        )
        .expect("set");
        assert_eq!(reg.risks[0].inherent.likelihood, 5);
    }

    #[test]
    fn an_out_of_scale_rating_in_the_file_is_reported_in_place() {
        let (mut reg, cat) = sample();
        reg.risks[0].inherent.likelihood = 9;
        let method = cat.method(&reg.methodology).cloned();
        let ctx = Ctx {
            register: &reg,
            method: method.as_ref(),
            approaches: &cat.approaches.value,
            lang: Lang::En,
        };
        let p = problem(Field::InherentL, &Form::Risk(0), &ctx).expect("a problem");
        assert!(p.contains("outside the scale"), "{p}");
    }

    /// Dates are shown the Thai way in Thai (the stored form in English),
    /// and an edit opens with that text, which reads back as the same day.
    #[test]
    fn a_date_is_shown_in_the_language_and_its_edit_reads_back() {
        let (mut reg, cat) = sample();
        let day = Date::try_from("2567-04-30".to_string()).expect("date");
        reg.risks[0].next_review = Some(day);
        for (lang, shown) in [(Lang::Th, "30 เม.ย. 2567"), (Lang::En, "2567-04-30")] {
            let before = reg.clone();
            let ctx = Ctx {
                register: &before,
                method: None,
                approaches: &cat.approaches.value,
                lang,
            };
            assert_eq!(value(Field::NextReview, &Form::Risk(0), &ctx), shown);
            let text = edit_text(Field::NextReview, &Form::Risk(0), &ctx);
            set_text(Field::NextReview, &Form::Risk(0), &mut reg, &text, None).expect("reads back");
            assert_eq!(reg, before, "{text}");
        }
    }

    #[test]
    fn co_responsible_bureaus_are_read_from_codes() {
        assert_eq!(co_responsible(" "), Ok(CoResponsible::LeadOnly));
        assert_eq!(co_responsible("ALL"), Ok(CoResponsible::AllBureaus));
        let ict = BureauCode::new("ICT").expect("code");
        let hrd = BureauCode::new("HRD").expect("code");
        assert_eq!(
            co_responsible("ict, HRD"),
            Ok(CoResponsible::Bureaus(vec![ict, hrd]))
        );
        assert!(co_responsible("สำนักไอที").is_err());
    }

    #[test]
    fn a_start_after_the_end_is_refused() {
        let (mut reg, _) = sample();
        let err = set_text(
            Field::MeasureStart(0),
            &Form::Risk(0),
            &mut reg,
            "2568-01",
            None,
        )
        .expect_err("refused");
        assert!(err.to_string().contains("after the end"), "{err}");
        assert!(
            set_text(
                Field::MeasureStart(0),
                &Form::Risk(0),
                &mut reg,
                "67-01",
                None
            )
            .is_err()
        );
    }
}
