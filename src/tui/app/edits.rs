//! Every change to a register goes through `mutate`, which keeps the undo
//! history and the unsaved mark right; here too are the edits that are not
//! a single field: statuses, new and deleted records, signing.

use super::*;

impl App {
    /// Runs a change on the register on screen, keeping undo history and
    /// the unsaved mark right. On error nothing changes.
    pub fn mutate(
        &mut self,
        change: impl FnOnce(
            &mut Register,
            Option<&Methodology>,
            &crate::model::ApproachList,
        ) -> Result<(), String>,
    ) -> Result<(), String> {
        if let Some(why) = self.read_only() {
            return Err(why);
        }
        let entry_ix = self.current;
        let ws = &mut self.ws;
        let entry = ws
            .entries
            .get_mut(entry_ix)
            .ok_or("no register on screen")?;
        let method = ws.catalog.method(&entry.loaded.value.methodology);
        let before = entry.loaded.value.clone();
        change(
            &mut entry.loaded.value,
            method,
            &ws.catalog.approaches.value,
        )?;
        if entry.loaded.value == before {
            return Ok(());
        }
        entry.touched();
        ws.generation += 1;
        self.undo.push((entry_ix, before));
        self.redo.clear();
        Ok(())
    }

    pub(super) fn restore(&mut self, from_undo: bool) {
        let (stack, other) = if from_undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((ix, value)) = stack.pop() else {
            self.status = Some(self.lang.pick("ไม่มีอะไรให้ย้อน", "nothing to undo").into());
            return;
        };
        let Some(entry) = self.ws.entries.get_mut(ix) else {
            return;
        };
        let now = std::mem::replace(&mut entry.loaded.value, value);
        other.push((ix, now));
        entry.touched();
        self.ws.generation += 1;
        self.current = ix;
    }

    /// Forgets all undo history (another fiscal year was loaded).
    pub fn forget_history(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Forgets the undo history of one register: its steps hold whole
    /// versions from before a reload, and undoing to one would put back,
    /// wholesale, a file the version on disk has since replaced.
    pub fn forget_history_of(&mut self, entry: usize) {
        self.undo.retain(|(ix, _)| *ix != entry);
        self.redo.retain(|(ix, _)| *ix != entry);
    }

    /// Sets the status of the measure under the cursor at the round.
    pub(super) fn set_status(&mut self, light: TrafficLight) {
        self.monitoring_change(|m| {
            m.status = light;
        });
    }

    pub(super) fn monitoring_change(&mut self, f: impl FnOnce(&mut crate::model::Monitoring)) {
        let rows = self.measure_rows();
        let (Some(&(ri, mi)), Some(round)) =
            (rows.get(self.monitoring_selected), self.round.clone())
        else {
            return;
        };
        let result = self.mutate(|reg, _, _| {
            let m = reg
                .risks
                .get_mut(ri)
                .and_then(|r| r.measures.get_mut(mi))
                .ok_or("the measure is gone")?;
            if m.at_round(&round).is_none() {
                m.monitoring
                    .push(crate::model::Monitoring::new(round.clone()));
            }
            if let Some(entry) = m.at_round_mut(&round) {
                f(entry);
            }
            Ok(())
        });
        if let Err(e) = result {
            self.status = Some(e);
        }
    }

    /// Records the settings' name as who prepared the register, today,
    /// keeping the position already written.
    pub(super) fn sign_prepared(&mut self) {
        let name = self.settings.name.trim().to_string();
        if name.is_empty() {
            self.status = Some(
                self.lang
                    .pick(
                        "ใส่ชื่อของคุณ (name) ในไฟล์ตั้งค่าก่อน",
                        "put your name (name) in the settings file first",
                    )
                    .into(),
            );
            return;
        }
        let Some(date) = today() else {
            self.status = Some("the system clock gives no usable date".into());
            return;
        };
        let result = self.mutate(|reg, _, _| {
            let position = reg
                .prepared_by
                .as_ref()
                .map(|s| s.position.clone())
                .unwrap_or_default();
            reg.prepared_by = Some(crate::model::Signature {
                name,
                position,
                date,
            });
            Ok(())
        });
        if let Err(e) = result {
            self.status = Some(e);
        }
    }

    pub(super) fn report(&mut self, result: Result<(), String>, done: String) {
        self.status = Some(match result {
            Ok(()) => done,
            Err(e) => e,
        });
    }

    /// Reports an addition (or why it failed); true when it was made.
    pub(super) fn report_added(&mut self, result: Result<(), String>, id: &str) -> bool {
        let ok = result.is_ok();
        let done = format!("{} {id}", self.lang.pick("เพิ่มแล้ว:", "added:"));
        self.report(result, done);
        ok
    }

    /// Puts the editor's cursor on a field, if the form has it.
    pub(super) fn cursor_to(&mut self, field: Field) {
        if let Some(at) = self.form_fields().iter().position(|f| *f == field) {
            self.editor.cursor = at;
        }
    }

    /// Adds a risk with the next free id and opens it in the editor.
    pub(super) fn add_risk(&mut self) {
        let mut id = String::new();
        let result = self.mutate(|reg, method, _| {
            let risk = crate::tui::records::new_risk(reg, method)?;
            id = risk.id.to_string();
            reg.risks.push(risk);
            Ok(())
        });
        let ok = self.report_added(result, &id);
        if let (true, Some(reg)) = (ok, self.register_value()) {
            let ri = reg.risks.len() - 1;
            self.register = RegisterView::default();
            self.register.selected = self
                .visible_risks()
                .iter()
                .position(|&i| i == ri)
                .unwrap_or(0);
            self.editor = EditorView {
                target: Some(Form::Risk(ri)),
                cursor: 1,
            };
            self.go(Screen::Editor);
        }
    }

    pub(super) fn deleted(&self, id: &str) -> String {
        format!(
            "{} {id} — {}",
            self.lang.pick("ลบแล้ว:", "deleted:"),
            self.lang.pick("กด u เพื่อเลิกทำ", "u undoes it")
        )
    }

    pub(super) fn delete_risk(&mut self, ri: usize) {
        let mut id = String::new();
        let result = self.mutate(|reg, _, _| {
            if ri >= reg.risks.len() {
                return Err("the risk is gone".into());
            }
            id = reg.risks.remove(ri).id.to_string();
            Ok(())
        });
        let done = self.deleted(&id);
        self.report(result, done);
        let len = self.visible_risks().len();
        self.register.selected = self.register.selected.min(len.saturating_sub(1));
    }

    /// Adds a measure to the risk in the editor and moves to its title.
    pub(super) fn add_measure(&mut self) {
        let Some(Form::Risk(ri)) = self.editor.target.clone() else {
            return;
        };
        let mut id = String::new();
        let result = self.mutate(|reg, _, approaches| {
            let m = crate::tui::records::new_measure(reg, approaches)?;
            id = m.id.to_string();
            reg.risks
                .get_mut(ri)
                .ok_or("the risk is gone")?
                .measures
                .push(m);
            Ok(())
        });
        if self.report_added(result, &id) {
            let last = self
                .editor_risk()
                .map_or(0, |r| r.measures.len().saturating_sub(1));
            self.cursor_to(Field::MeasureTitle(last));
        }
    }

    /// The (risk, measure) of an editor pane (pane 1 + measure index) of a
    /// risk; else says `hint` and gives none.
    pub(super) fn measure_of_pane(
        &mut self,
        pane: usize,
        hint_th: &str,
        hint_en: &str,
    ) -> Option<(usize, usize)> {
        match (&self.editor.target, pane.checked_sub(1)) {
            (Some(Form::Risk(ri)), Some(mi)) => Some((*ri, mi)),
            _ => {
                self.status = Some(self.lang.pick(hint_th, hint_en).into());
                None
            }
        }
    }

    /// Deletes the measure whose pane the cursor is in (pane 1 + index).
    pub(super) fn delete_measure(&mut self, pane: usize) {
        let Some((ri, mi)) = self.measure_of_pane(
            pane,
            "เลื่อนไปที่มาตรการที่จะลบก่อน",
            "move to the measure to delete first",
        ) else {
            return;
        };
        let mut id = String::new();
        let result = self.mutate(|reg, _, _| {
            let risk = reg.risks.get_mut(ri).ok_or("the risk is gone")?;
            if mi >= risk.measures.len() {
                return Err("the measure is gone".into());
            }
            id = risk.measures.remove(mi).id.to_string();
            Ok(())
        });
        let done = self.deleted(&id);
        self.report(result, done);
        let len = self.form_fields().len();
        self.editor.cursor = self.editor.cursor.min(len.saturating_sub(1));
    }
}

/// Today's date in Thailand (UTC+7), in the Buddhist era.
pub fn today() -> Option<crate::model::Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    crate::model::Date::in_thailand_at(secs).ok()
}
