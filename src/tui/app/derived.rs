//! What the screens show that is costly to compute (the register's sorted
//! rows, the round's summary, the validator's findings), cached until the
//! registers or the view change.

use super::*;

impl App {
    /// Risks of the register screen after filter, search and sort.
    pub fn visible_risks(&self) -> Vec<usize> {
        let v = &self.register;
        let key: VisibleKey = (
            self.current,
            self.ws.generation(),
            v.sort,
            v.reverse,
            v.band.clone(),
            v.cell,
            v.query.clone(),
            self.round.clone(),
        );
        if let Some((k, rows)) = &*self.visible_cache.borrow()
            && *k == key
        {
            return rows.clone();
        }
        let rows = crate::tui::screens::register::visible(self);
        *self.visible_cache.borrow_mut() = Some((key, rows.clone()));
        rows
    }

    /// What has fallen due in entry `entry` on the app's day (see
    /// `screens::marks::due`), computed once per change of the registers.
    pub fn due_of(&self, entry: usize) -> Option<std::cell::Ref<'_, screens::marks::Due>> {
        let key = (self.ws.generation(), self.today);
        let fresh = self
            .due_cache
            .borrow()
            .as_ref()
            .is_some_and(|(k, _)| *k == key);
        if !fresh {
            let all = (0..self.ws.entries.len())
                .map(|i| {
                    let reg = self.ws.entries[i].register();
                    screens::marks::due(reg, self.ws.method(i), self.today)
                })
                .collect();
            *self.due_cache.borrow_mut() = Some((key, all));
        }
        std::cell::Ref::filter_map(self.due_cache.borrow(), |c| {
            c.as_ref().and_then(|(_, all)| all.get(entry))
        })
        .ok()
    }

    /// The secretariat-wide summary of the round, from the registers as they
    /// are on screen (unsaved edits included), as `riskreg summary` makes it.
    pub fn round_summary(&self) -> std::cell::Ref<'_, Result<crate::report::Summary, String>> {
        let key: SummaryKey = (
            self.ws.generation(),
            self.ws.year,
            self.round.clone(),
            self.summary.compare,
        );
        let fresh = self
            .summary_cache
            .borrow()
            .as_ref()
            .is_some_and(|(k, _)| *k == key);
        if !fresh {
            let value = self.compute_summary();
            *self.summary_cache.borrow_mut() = Some((key, value));
        }
        std::cell::Ref::map(self.summary_cache.borrow(), |c| match c {
            Some((_, v)) => v,
            None => unreachable!("the cache was just filled"),
        })
    }

    /// What `riskreg validate` says of what the editor shows — the risk (with
    /// its measures and monitoring) or the header — of the register on screen
    /// as it is now (unsaved edits included), so the editor can show it
    /// beside each field. Only that part is validated after an edit: a
    /// register of 2 000 risks would cost the redraw its budget.
    pub fn findings(&self) -> std::cell::Ref<'_, Findings> {
        let risk = self.editor.target.as_ref().and_then(target_risk);
        let key = (self.ws.generation(), self.current, risk);
        let fresh = self
            .findings_cache
            .borrow()
            .as_ref()
            .is_some_and(|(k, _)| *k == key);
        if !fresh {
            let value = match self.ws.entries.get(self.current) {
                None => Vec::new(),
                Some(e) => {
                    let methods = self.ws.catalog.method_values();
                    let ctx = crate::validate::Context::new(
                        &self.ws.catalog.bureaus.value,
                        &self.ws.catalog.approaches.value,
                        &methods,
                    );
                    let (path, reg) = (&e.loaded.path, e.register());
                    match risk {
                        Some(ri) => crate::validate::check_register_risk(&ctx, path, reg, ri),
                        None => crate::validate::check_register_header(&ctx, path, reg),
                    }
                }
            };
            *self.findings_cache.borrow_mut() = Some((key, value));
        }
        std::cell::Ref::map(self.findings_cache.borrow(), |c| match c {
            Some((_, v)) => v,
            None => unreachable!("the cache was just filled"),
        })
    }

    pub(super) fn compute_summary(&self) -> Result<crate::report::Summary, String> {
        // a summary of the registers read so far would look final
        if let Some(why) = self.still_loading() {
            return Err(why.text(self.lang));
        }
        let round = self.round.clone().ok_or("no monitoring round")?;
        let year = crate::model::FiscalYear::new(self.ws.year)?;
        // the round before this one in the methodology, when comparing
        let earlier = self
            .summary
            .compare
            .then(|| {
                let rounds = &self.method()?.rounds;
                let at = rounds.iter().position(|r| r.id == round)?;
                Some(rounds.get(at.checked_sub(1)?)?.id.clone())
            })
            .flatten();
        if self.summary.compare && earlier.is_none() {
            return Err(self
                .lang
                .pick(
                    "ไม่มีรอบก่อนหน้าให้เทียบ ([ เลือกรอบ)",
                    "no earlier round to compare with ([ picks a round)",
                )
                .into());
        }
        let registers: Vec<Register> = self
            .ws
            .entries
            .iter()
            .map(|e| e.register().clone())
            .collect();
        crate::report::summarize_with_methods(
            &self.ws.catalog.bureaus.value,
            &self.ws.catalog.approaches.value,
            &self.ws.catalog.method_values(),
            &registers,
            year,
            &round,
            earlier.as_ref(),
        )
        .map_err(|e| e.to_string())
    }
}
