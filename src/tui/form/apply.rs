//! Entered values into the register: each is read and checked first, and
//! on any error nothing changes.

use super::*;

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

fn money(s: &str) -> Result<Money, String> {
    let cleaned: String = s.trim().chars().filter(|c| *c != ',').collect();
    Money::try_from(cleaned)
}

fn date(s: &str) -> Result<Option<Date>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    Date::parse_written(s).map(Some)
}

fn year_month(s: &str) -> Result<YearMonth, String> {
    YearMonth::try_from(s.trim().to_string())
}

/// The monitoring entry of the target, created for the round if missing.
fn monitoring_mut<'a>(
    register: &'a mut Register,
    target: &Target,
) -> Result<&'a mut Monitoring, String> {
    let (risk, measure, round) = target.monitoring().ok_or("not a monitoring form")?;
    let m = register
        .risks
        .get_mut(risk)
        .and_then(|r| r.measures.get_mut(measure))
        .ok_or("the measure is gone")?;
    if m.at_round(round).is_none() {
        m.monitoring.push(Monitoring::new(round.clone()));
    }
    m.at_round_mut(round)
        .ok_or_else(|| "no monitoring entry".into())
}

/// Applies typed text to a field; on error nothing changes.
pub fn set_text(
    field: Field,
    target: &Target,
    register: &mut Register,
    text: &str,
) -> Result<(), String> {
    use Field::*;
    if let Target::Monitoring { .. } = target {
        // parse first, so a bad value never creates an empty entry
        let parsed_money = if field == Disbursed {
            Some(money(text)?)
        } else {
            None
        };
        let parsed_date = if field == AsOf {
            Some(date(text)?)
        } else {
            None
        };
        let result = match field {
            Indicator(k) => {
                let ind = indicator_of(target, register, k).ok_or("the indicator is gone")?;
                Some((
                    ind.id.clone(),
                    results::parse_achieved(text, &ind.target.value)?,
                ))
            }
            _ => None,
        };
        let m = monitoring_mut(register, target)?;
        match field {
            Indicator(_) => {
                if let Some((id, value)) = result {
                    match m.results.iter_mut().find(|r| r.indicator == id) {
                        Some(r) => r.value = value,
                        None => m.results.push(crate::model::IndicatorResult {
                            indicator: id,
                            value,
                        }),
                    }
                }
            }
            OtherReason => m.implementation = crate::model::Implementation::Other(text.to_string()),
            AsOf => m.as_of = parsed_date.flatten(),
            Occurrence => m.occurrence = text.to_string(),
            Done => m.done = text.to_string(),
            Added => m.added_activities = text.to_string(),
            Disbursed => m.disbursed = parsed_money.unwrap_or_default(),
            Evidence => {
                m.evidence = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect()
            }
            _ => return Err("this field is chosen from a list".into()),
        }
        return Ok(());
    }
    let Target::Risk(ri) = target else {
        return Err("nothing to edit".into());
    };
    let risk = register.risks.get_mut(*ri).ok_or("the risk is gone")?;
    match field {
        Process => risk.process = text.to_string(),
        Description => risk.description = text.to_string(),
        Controls => risk.controls = text.to_string(),
        Owner => risk.owner = text.to_string(),
        ResponseText => match &mut risk.response {
            crate::model::Response::Accept(t) | crate::model::Response::Transfer(t) => {
                *t = text.to_string()
            }
            _ => return Err("only an accepted or transferred risk has this text".into()),
        },
        NextReview => risk.next_review = date(text)?,
        MeasureTitle(mi) => {
            let m = risk.measures.get_mut(mi).ok_or("the measure is gone")?;
            // the id is shown before the title; do not let it leak into the title
            let id = m.id.to_string();
            let t = text.trim_start();
            m.title = t.strip_prefix(&id).map_or(t, str::trim_start).to_string();
        }
        MeasureOther(mi) => {
            risk.measures
                .get_mut(mi)
                .ok_or("the measure is gone")?
                .other_responsible = text.to_string()
        }
        MeasureCo(mi) => {
            let co = co_responsible(text)?;
            risk.measures
                .get_mut(mi)
                .ok_or("the measure is gone")?
                .co_responsible = co;
        }
        MeasureStart(mi) | MeasureEnd(mi) => {
            let ym = year_month(text)?;
            let m = risk.measures.get_mut(mi).ok_or("the measure is gone")?;
            let (start, end) = if matches!(field, MeasureStart(_)) {
                (ym, m.end)
            } else {
                (m.start, ym)
            };
            if start > end {
                return Err(format!("the start {start} is after the end {end}"));
            }
            m.start = start;
            m.end = end;
        }
        MeasureAmount(mi) => {
            let amount = money(text)?;
            match &mut risk
                .measures
                .get_mut(mi)
                .ok_or("the measure is gone")?
                .budget
            {
                Budget::Requested { amount: a } | Budget::Allocated { amount: a, .. } => {
                    *a = amount
                }
                Budget::NotRequested => return Err("choose requested or allocated first".into()),
            }
        }
        IndicatorName(mi, k) | IndicatorTarget(mi, k) => {
            let target = match field {
                IndicatorTarget(..) => Some(results::parse_target(text)?),
                _ => None,
            };
            let ind = risk
                .measures
                .get_mut(mi)
                .and_then(|m| m.indicators.get_mut(k))
                .ok_or("the indicator is gone")?;
            match target {
                Some(t) => ind.target = t,
                None => ind.name = text.to_string(),
            }
        }
        MeasureSource(mi) => match &mut risk
            .measures
            .get_mut(mi)
            .ok_or("the measure is gone")?
            .budget
        {
            Budget::Allocated { source, .. } => *source = text.to_string(),
            _ => return Err("only an allocated budget has a source".into()),
        },
        _ => return Err("this field is chosen from a list".into()),
    }
    Ok(())
}

/// Applies the choice `index` of a field's pick-list; on error nothing changes.
pub fn set_pick(
    field: Field,
    target: &Target,
    register: &mut Register,
    method: Option<&Methodology>,
    approaches: &ApproachList,
    index: usize,
) -> Result<(), String> {
    use Field::*;
    if let Target::Monitoring { .. } = target {
        let m = monitoring_mut(register, target)?;
        match field {
            Status => m.status = *TrafficLight::ALL.get(index).ok_or("no such status")?,
            Implementation => {
                let mut chosen = implementations()
                    .get(index)
                    .cloned()
                    .ok_or("no such status")?;
                // keep a reason already written when Other is chosen again
                if let (
                    crate::model::Implementation::Other(new),
                    crate::model::Implementation::Other(old),
                ) = (&mut chosen, &m.implementation)
                {
                    new.clone_from(old);
                }
                m.implementation = chosen;
            }
            _ => return Err("this field is typed, not chosen".into()),
        }
        return Ok(());
    }
    let Target::Risk(ri) = target else {
        return Err("nothing to edit".into());
    };
    let risk = register.risks.get_mut(*ri).ok_or("the risk is gone")?;
    let level = |scale: Option<&crate::method::Scale>| -> Result<u8, String> {
        let scale = scale.ok_or("the register's methodology is not loaded")?;
        scale
            .levels
            .get(index)
            .map(|l| l.value)
            .ok_or_else(|| "no such level".into())
    };
    match field {
        Category => {
            let m = method.ok_or("the register's methodology is not loaded")?;
            risk.category = m
                .categories
                .get(index)
                .ok_or("no such category")?
                .id
                .clone();
        }
        Factor => {
            risk.factor = if index == 0 {
                crate::model::Factor::Known
            } else {
                crate::model::Factor::Unknown
            }
        }
        InherentL => risk.inherent.likelihood = level(method.map(|m| &m.likelihood))?,
        InherentI => risk.inherent.impact = level(method.map(|m| &m.impact))?,
        ResidualL | ResidualI => {
            let mut r = risk.residual.unwrap_or(risk.inherent);
            if field == ResidualL {
                r.likelihood = level(method.map(|m| &m.likelihood))?;
            } else {
                r.impact = level(method.map(|m| &m.impact))?;
            }
            risk.residual = Some(r);
        }
        ControlQuality => {
            risk.control_quality = *crate::model::ControlQuality::ALL
                .get(index)
                .ok_or("no such grade")?
        }
        Response => {
            let keep = match &risk.response {
                crate::model::Response::Accept(t) | crate::model::Response::Transfer(t) => {
                    t.clone()
                }
                _ => String::new(),
            };
            if index >= RESPONSES.len() {
                return Err("no such response".into());
            }
            risk.response = response_of(index, keep);
        }
        MeasureKind(mi) => {
            risk.measures.get_mut(mi).ok_or("the measure is gone")?.kind =
                *crate::model::MeasureKind::ALL
                    .get(index)
                    .ok_or("no such kind")?
        }
        MeasureApproach(mi) => {
            let id = approaches
                .approaches
                .get(index)
                .ok_or("no such approach")?
                .id
                .clone();
            risk.measures
                .get_mut(mi)
                .ok_or("the measure is gone")?
                .approach = id;
        }
        MeasureBudget(mi) => {
            let m = risk.measures.get_mut(mi).ok_or("the measure is gone")?;
            let amount = match &m.budget {
                Budget::Requested { amount } | Budget::Allocated { amount, .. } => *amount,
                Budget::NotRequested => Money::ZERO,
            };
            let source = match &m.budget {
                Budget::Allocated { source, .. } => source.clone(),
                _ => String::new(),
            };
            m.budget = match index {
                0 => Budget::NotRequested,
                1 => Budget::Requested { amount },
                2 => Budget::Allocated { amount, source },
                _ => return Err("no such budget kind".into()),
            };
        }
        _ => return Err("this field is typed, not chosen".into()),
    }
    Ok(())
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
        let t = Target::Monitoring {
            risk: 0,
            measure: 0,
            round: RoundId::new("6m").expect("id"),
        };
        set_text(Field::Disbursed, &t, &mut reg, "1,234.50").expect("accepted");
        assert_eq!(
            reg.risks[0].measures[0]
                .at_round(&RoundId::new("6m").expect("id"))
                .map(|m| m.disbursed),
            Some(Money::from_satang(123_450))
        );
        let before = reg.clone();
        let err = set_text(Field::Disbursed, &t, &mut reg, "12.345").expect_err("refused");
        assert!(err.contains("two decimals"), "{err}");
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
            &Target::Risk(0),
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
        let p = problem(Field::InherentL, &Target::Risk(0), &ctx).expect("a problem");
        assert!(p.contains("outside the scale"), "{p}");
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
            &Target::Risk(0),
            &mut reg,
            "2568-01",
        )
        .expect_err("refused");
        assert!(err.contains("after the end"), "{err}");
        assert!(set_text(Field::MeasureStart(0), &Target::Risk(0), &mut reg, "67-01").is_err());
    }
}
