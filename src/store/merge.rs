//! Three-way merge of a register: the version as loaded (the base), the one
//! on disk now (theirs) and the one being edited (mine). What only one side
//! changed is taken from that side, field by field; where both changed the
//! same field differently, the merge holds mine and lists the conflict, for
//! the user to choose one side per conflict.
//!
//! The merge works on the register's serde tree, so a field added to the
//! model is merged without a line here. Lists whose items carry an id (risks,
//! measures, indicators) or a round (monitoring) are merged item by item, in
//! their order on disk, with the items only I added after them; other lists
//! (strings, co-responsible bureaus) are one value each.

use crate::model::Register;
use serde_json::{Map, Value};

/// One step from the register down to a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A field of a struct, or an enum's variant.
    Field(String),
    /// The item of a list whose `key` field (`id`, `round`) is `value`.
    Item { key: String, value: Value },
}

/// A field both sides changed, to different values. `Value::Null` where the
/// item is absent on that side (one deleted what the other edited).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub path: Vec<Step>,
    pub theirs: Value,
    pub mine: Value,
}

/// Which side a conflict is settled with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// A merged register, with the conflicts still to settle (each held as mine
/// until chosen).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    tree: Value,
    pub conflicts: Vec<Conflict>,
}

/// Merges my edits of `base` into `theirs`. Fails only if a register does
/// not fit the tree or the merged tree is not a register, which would be a
/// bug: the caller then keeps both versions apart.
pub fn merge(base: &Register, theirs: &Register, mine: &Register) -> Result<Merged, String> {
    let tree = |r: &Register| serde_json::to_value(r).map_err(|e| e.to_string());
    let (b, t, m) = (tree(base)?, tree(theirs)?, tree(mine)?);
    let mut conflicts = Vec::new();
    let merged = merge_value(&b, &t, &m, &mut Vec::new(), &mut conflicts);
    let out = Merged {
        tree: merged,
        conflicts,
    };
    out.register()?;
    Ok(out)
}

impl Merged {
    /// The merged register as it stands (conflicts as chosen, else mine).
    pub fn register(&self) -> Result<Register, String> {
        serde_json::from_value(self.tree.clone()).map_err(|e| e.to_string())
    }

    /// Settles conflict `ix` with one side; refused (nothing changes) if the
    /// result would not be a register.
    pub fn choose(&mut self, ix: usize, side: Side) -> Result<(), String> {
        let c = self.conflicts.get(ix).ok_or("no such conflict")?;
        let value = match side {
            Side::Mine => c.mine.clone(),
            Side::Theirs => c.theirs.clone(),
        };
        let mut tree = self.tree.clone();
        set(&mut tree, &c.path, value);
        serde_json::from_value::<Register>(tree.clone()).map_err(|e| e.to_string())?;
        self.tree = tree;
        Ok(())
    }
}

/// `register` with the field at `path` set as one side of a conflict has it:
/// used to describe each side's change in the words of a diff.
pub fn with_side(register: &Register, conflict: &Conflict, side: Side) -> Option<Register> {
    let mut tree = serde_json::to_value(register).ok()?;
    let value = match side {
        Side::Mine => conflict.mine.clone(),
        Side::Theirs => conflict.theirs.clone(),
    };
    set(&mut tree, &conflict.path, value);
    serde_json::from_value(tree).ok()
}

fn merge_value(
    base: &Value,
    theirs: &Value,
    mine: &Value,
    path: &mut Vec<Step>,
    conflicts: &mut Vec<Conflict>,
) -> Value {
    if mine == base || mine == theirs {
        return theirs.clone();
    }
    if theirs == base {
        return mine.clone();
    }
    match (base, theirs, mine) {
        (Value::Object(b), Value::Object(t), Value::Object(m)) => {
            let mut out = Map::new();
            let keys = t.keys().chain(m.keys().filter(|k| !t.contains_key(*k)));
            for k in keys {
                let get = |o: &Map<String, Value>| o.get(k).cloned().unwrap_or(Value::Null);
                path.push(Step::Field(k.clone()));
                let v = merge_value(&get(b), &get(t), &get(m), path, conflicts);
                path.pop();
                out.insert(k.clone(), v);
            }
            Value::Object(out)
        }
        (Value::Array(b), Value::Array(t), Value::Array(m)) => {
            match [b, t, m].into_iter().find_map(|a| item_key(a)) {
                Some(key) if [b, t, m].into_iter().all(|a| keyed_by(a, &key)) => {
                    merge_items(&key, b, t, m, path, conflicts)
                }
                _ => conflict(theirs, mine, path, conflicts),
            }
        }
        _ => conflict(theirs, mine, path, conflicts),
    }
}

fn conflict(theirs: &Value, mine: &Value, path: &[Step], conflicts: &mut Vec<Conflict>) -> Value {
    conflicts.push(Conflict {
        path: path.to_vec(),
        theirs: theirs.clone(),
        mine: mine.clone(),
    });
    mine.clone()
}

/// The field that names the items of a list, if they have one.
fn item_key(items: &[Value]) -> Option<String> {
    let first = items.first()?.as_object()?;
    ["id", "round"]
        .into_iter()
        .find(|k| first.get(*k).is_some_and(Value::is_string))
        .map(str::to_string)
}

fn keyed_by(items: &[Value], key: &str) -> bool {
    items
        .iter()
        .all(|i| i.get(key).is_some_and(Value::is_string))
}

fn find<'a>(items: &'a [Value], key: &str, value: &Value) -> Option<&'a Value> {
    items.iter().find(|i| i.get(key) == Some(value))
}

/// Items in their order on disk, then those only I added, each merged with
/// its namesakes; an item one side deleted and the other left alone is gone.
fn merge_items(
    key: &str,
    base: &[Value],
    theirs: &[Value],
    mine: &[Value],
    path: &mut Vec<Step>,
    conflicts: &mut Vec<Conflict>,
) -> Value {
    let mut names: Vec<&Value> = Vec::new();
    for item in theirs.iter().chain(mine).chain(base) {
        if let Some(name) = item.get(key)
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    let mut out = Vec::new();
    for name in names {
        let side = |items: &[Value]| find(items, key, name).cloned().unwrap_or(Value::Null);
        path.push(Step::Item {
            key: key.to_string(),
            value: name.clone(),
        });
        let v = merge_value(&side(base), &side(theirs), &side(mine), path, conflicts);
        path.pop();
        if !v.is_null() {
            out.push(v);
        }
    }
    Value::Array(out)
}

/// Sets the value at `path`; `Null` for a list item removes it, and an item
/// missing from its list is added at the end.
fn set(tree: &mut Value, path: &[Step], value: Value) {
    let Some((step, rest)) = path.split_first() else {
        *tree = value;
        return;
    };
    match step {
        Step::Field(name) => {
            if let Value::Object(o) = tree {
                let slot = o.entry(name.clone()).or_insert(Value::Null);
                set(slot, rest, value);
            }
        }
        Step::Item { key, value: name } => {
            let Value::Array(items) = tree else { return };
            let at = items.iter().position(|i| i.get(key) == Some(name));
            match (at, rest.is_empty(), value.is_null()) {
                (Some(i), true, true) => {
                    items.remove(i);
                }
                (Some(i), _, _) => set(&mut items[i], rest, value),
                (None, true, false) => items.push(value),
                // a field of an item that is gone: nothing to set it on
                (None, _, _) => {}
            }
        }
    }
}

/// The path in words, as ids and field names: `FIN-R1 › inherent › likelihood`.
pub fn path_text(path: &[Step]) -> String {
    path.iter()
        .filter_map(|s| match s {
            Step::Field(f) if f == "risks" || f == "measures" || f == "monitoring" => None,
            Step::Field(f) => Some(f.clone()),
            Step::Item { value, .. } => value.as_str().map(str::to_string),
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RiskId;

    fn fin() -> Register {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("registers/2567/FIN.ron");
        crate::store::load_register(&path)
            .expect("the sample reads")
            .value
    }

    #[test]
    fn edits_to_different_fields_are_both_kept() {
        let base = fin();
        let mut theirs = base.clone();
        theirs.risks[0].measures[0].title = "ชื่อใหม่จากผู้อื่น".into();
        theirs.risks[1].owner = "เจ้าของใหม่".into();
        let mut mine = base.clone();
        mine.risks[0].inherent.likelihood = 5;
        mine.note = "บันทึกของฉัน".into();
        let merged = merge(&base, &theirs, &mine).expect("merges");
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let r = merged.register().expect("a register");
        assert_eq!(r.risks[0].measures[0].title, "ชื่อใหม่จากผู้อื่น");
        assert_eq!(r.risks[1].owner, "เจ้าของใหม่");
        assert_eq!(r.risks[0].inherent.likelihood, 5);
        assert_eq!(r.note, "บันทึกของฉัน");
        // the same change on both sides is no conflict
        let merged = merge(&base, &mine, &mine).expect("merges");
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.register().expect("a register"), mine);
    }

    #[test]
    fn the_same_field_changed_both_ways_is_a_conflict_settled_per_side() {
        let base = fin();
        let mut theirs = base.clone();
        theirs.risks[0].inherent.likelihood = 2;
        theirs.risks[2].owner = "เจ้าของใหม่".into();
        let mut mine = base.clone();
        mine.risks[0].inherent.likelihood = 5;
        mine.risks[0].inherent.impact = 1;
        let mut merged = merge(&base, &theirs, &mine).expect("merges");
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        let c = &merged.conflicts[0];
        assert_eq!(path_text(&c.path), "FIN-R1 › inherent › likelihood");
        assert_eq!((c.theirs.clone(), c.mine.clone()), (2.into(), 5.into()));
        // until chosen, the merge holds mine; their other change is in
        let r = merged.register().expect("a register");
        assert_eq!(r.risks[0].inherent.likelihood, 5);
        assert_eq!(r.risks[2].owner, "เจ้าของใหม่");
        merged.choose(0, Side::Theirs).expect("chosen");
        let r = merged.register().expect("a register");
        assert_eq!(r.risks[0].inherent.likelihood, 2);
        assert_eq!(r.risks[0].inherent.impact, 1, "my other field stays");
        merged.choose(0, Side::Mine).expect("chosen");
        assert_eq!(
            merged.register().expect("a register").risks[0]
                .inherent
                .likelihood,
            5
        );
        // each side's change alone, to describe it
        let t = with_side(&base, &merged.conflicts[0], Side::Theirs).expect("a register");
        assert_eq!(t.risks[0].inherent.likelihood, 2);
        assert_eq!(t.risks[0].inherent.impact, base.risks[0].inherent.impact);
    }

    #[test]
    fn added_and_deleted_items_merge_by_id() {
        let base = fin();
        let mut theirs = base.clone();
        let mut added_theirs = base.risks[0].clone();
        added_theirs.id = RiskId::new("FIN-R8").expect("id");
        added_theirs.measures.clear();
        theirs.risks.push(added_theirs);
        theirs.risks[2].measures.clear();
        let mut mine = base.clone();
        let mut added_mine = base.risks[1].clone();
        added_mine.id = RiskId::new("FIN-R9").expect("id");
        added_mine.measures.clear();
        mine.risks.push(added_mine);
        mine.risks.remove(1);
        let merged = merge(&base, &theirs, &mine).expect("merges");
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let r = merged.register().expect("a register");
        let ids: Vec<&str> = r.risks.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["FIN-R1", "FIN-R3", "FIN-R8", "FIN-R9"]);
        assert!(r.risks[1].measures.is_empty(), "their deletion is kept");
    }

    #[test]
    fn an_item_i_deleted_and_they_edited_is_a_conflict() {
        let base = fin();
        let mut theirs = base.clone();
        theirs.risks[1].owner = "เจ้าของใหม่".into();
        let mut mine = base.clone();
        mine.risks.remove(1);
        let mut merged = merge(&base, &theirs, &mine).expect("merges");
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(path_text(&merged.conflicts[0].path), "FIN-R2");
        assert!(merged.conflicts[0].mine.is_null());
        assert_eq!(merged.register().expect("a register").risks.len(), 2);
        merged.choose(0, Side::Theirs).expect("chosen");
        let r = merged.register().expect("a register");
        assert_eq!(r.risks.len(), 3);
        assert_eq!(r.risks[2].owner, "เจ้าของใหม่");
    }
}
