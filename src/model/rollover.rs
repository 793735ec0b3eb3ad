//! Rolling a register over to the next fiscal year: the risks and measures
//! carry over as the starting point of the new plan; what belonged to the
//! old year (monitoring, sign-offs, allocations) does not.

use super::register::{Budget, Register};

impl Register {
    /// The register as the first draft of the next fiscal year:
    /// - same bureau, methodology, risks (ratings, controls, response) and
    ///   measures (titles, approach, responsibility, indicators);
    /// - measure timeframes moved one year on;
    /// - monitoring, sign-offs, review dates and the note cleared;
    /// - allocated budgets become requested ones: next year's money is not
    ///   allocated yet.
    pub fn rolled_over(&self) -> Register {
        let mut next = self.clone();
        next.year = self.year.next();
        next.prepared_by = None;
        next.reviewed_by = None;
        next.approved_by = None;
        next.note.clear();
        for risk in &mut next.risks {
            risk.next_review = None;
            for m in &mut risk.measures {
                m.start = m.start.next_year();
                m.end = m.end.next_year();
                m.monitoring.clear();
                if let Budget::Allocated { amount, .. } = m.budget {
                    m.budget = Budget::Requested { amount };
                }
            }
        }
        next
    }
}
