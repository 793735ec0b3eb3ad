//! Where a field's value sits in the register file, as the validator names
//! the place of each finding, so findings can be shown beside their field.

use super::*;

/// The logical path of a field in the register file (`risks[0].inherent.likelihood`),
/// as the validator names the place of each finding.
pub fn path(field: Field, target: &Target, register: &Register) -> Option<String> {
    use Field::*;
    match target {
        Target::Header => header::path(field),
        Target::Risk(ri) => {
            let r = format!("risks[{ri}]");
            let m = |mi: usize, f: &str| format!("{r}.measures[{mi}].{f}");
            Some(match field {
                Id => format!("{r}.id"),
                Process => format!("{r}.process"),
                Description => format!("{r}.description"),
                Category => format!("{r}.category"),
                Factor => format!("{r}.factor"),
                InherentL => format!("{r}.inherent.likelihood"),
                InherentI => format!("{r}.inherent.impact"),
                Controls => format!("{r}.controls"),
                ControlQuality => format!("{r}.control_quality"),
                ResidualL => format!("{r}.residual.likelihood"),
                ResidualI => format!("{r}.residual.impact"),
                Owner => format!("{r}.owner"),
                Response | ResponseText => format!("{r}.response"),
                NextReview => format!("{r}.next_review"),
                MeasureTitle(mi) => m(mi, "title"),
                MeasureKind(mi) => m(mi, "kind"),
                MeasureApproach(mi) => m(mi, "approach"),
                MeasureCo(mi) => m(mi, "co_responsible"),
                MeasureOther(mi) => m(mi, "other_responsible"),
                MeasureStart(mi) => m(mi, "start"),
                MeasureEnd(mi) => m(mi, "end"),
                MeasureBudget(mi) | MeasureAmount(mi) | MeasureSource(mi) => m(mi, "budget"),
                IndicatorName(mi, k) => m(mi, &format!("indicators[{k}].name")),
                IndicatorTarget(mi, k) => m(mi, &format!("indicators[{k}].target")),
                _ => return None,
            })
        }
        Target::Monitoring {
            risk,
            measure,
            round,
        } => {
            let k = register
                .risks
                .get(*risk)?
                .measures
                .get(*measure)?
                .monitoring
                .iter()
                .position(|x| &x.round == round)?;
            let e = format!("risks[{risk}].measures[{measure}].monitoring[{k}]");
            if let Indicator(i) = field {
                let id = &indicator_of(target, register, i)?.id;
                let entry = &register.risks[*risk].measures[*measure].monitoring[k];
                let j = entry.results.iter().position(|r| &r.indicator == id)?;
                return Some(format!("{e}.results[{j}]"));
            }
            let name = match field {
                Status => "status",
                Implementation | OtherReason => "implementation",
                AsOf => "as_of",
                Occurrence => "occurrence",
                Done => "done",
                Added => "added_activities",
                Disbursed => "disbursed",
                Evidence => "evidence",
                _ => return None,
            };
            Some(format!("{e}.{name}"))
        }
    }
}

/// The logical path of the whole target (`risks[0]`, or its monitoring entry).
pub fn target_path(target: &Target, register: &Register) -> Option<String> {
    match target {
        Target::Risk(ri) => Some(format!("risks[{ri}]")),
        // the header's fields are spread over the top of the file
        Target::Header => None,
        Target::Monitoring { .. } => path(Field::Status, target, register)
            .and_then(|p| p.strip_suffix(".status").map(String::from)),
    }
}

/// Whether a finding at `finding` belongs to the value at `at` or inside it.
pub fn is_under(finding: &str, at: &str) -> bool {
    finding == at
        || finding
            .strip_prefix(at)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}
