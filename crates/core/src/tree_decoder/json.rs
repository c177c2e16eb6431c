//! serde_json's tree as a [`Source`], for the native tests and the fuzz targets: they run the
//! decoder the worker ships on the values a JS `JSON.parse` would give it.

use super::Source;
use serde_json::Value;

impl Source for Value {
    fn missing(&self) -> bool {
        self.is_null()
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn text_units(&self) -> Option<u32> {
        self.as_str()
            .map(|text| u32::try_from(text.encode_utf16().count()).unwrap_or(u32::MAX))
    }

    fn text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }

    fn array_len(&self) -> Option<u32> {
        self.as_array()
            .map(|items| u32::try_from(items.len()).unwrap_or(u32::MAX))
    }

    fn element(&self, at: u32) -> Self {
        let at = usize::try_from(at).unwrap_or(usize::MAX);
        self.as_array()
            .and_then(|items| items.get(at))
            .cloned()
            .unwrap_or(Value::Null)
    }

    fn plain_object(&self) -> bool {
        self.is_object()
    }

    fn keys(&self) -> Self {
        let keys = self
            .as_object()
            .into_iter()
            .flat_map(|object| object.keys());
        Value::Array(keys.cloned().map(Value::String).collect())
    }

    fn member(&self, key: &Self) -> Self {
        match (self.as_object(), key.as_str()) {
            (Some(object), Some(key)) => object.get(key).cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }

    fn nothing() -> Self {
        Value::Null
    }
}
