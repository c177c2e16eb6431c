//! Typed values read out of the plain JS objects the shells hand over (messages, settings,
//! stored plans): a small serde deserializer over `JsValue`.
//!
//! Why not serde-wasm-bindgen: in the extension's one wasm module its decoders for each type,
//! and the float formatting its error messages pull in through serde's `Unexpected`, were the
//! largest avoidable part (issue 7, the size budget). This one walks objects the way serde_json
//! walks JSON text, so the core's `deny_unknown_fields` means the same here as in its native
//! tests: every own key of an object is read, and one the type does not know is refused.
//! Values are JSON-shaped (what `chrome.runtime` messages and `chrome.storage` carry): `null`,
//! booleans, numbers, strings, arrays and plain objects; `undefined` counts as `null`.

use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeOwned, Expected, IntoDeserializer, Unexpected, Visitor};
use std::cell::RefCell;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Reads a `T` from `value`; `undefined` and `null` are "missing".
pub fn decode<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    if value.is_undefined() || value.is_null() {
        return Err("missing".to_string());
    }
    PATH.with(|path| path.borrow_mut().clear());
    T::deserialize(Value(value.clone())).map_err(|e| *e.0)
}

/// Where in a value one step of decoding is.
enum Step {
    /// In an object or array, between elements.
    Between,
    /// In the value of this property.
    Key(JsValue),
    /// In the element at this index.
    Index(u32),
}

thread_local! {
    /// The path to what is being decoded: one step per open object or array, outermost first.
    /// Errors read it when they are made (`settings.dismissed[3]: …`), so they name their field
    /// without the generic decoding code passing a path along: wrapping each nested result in
    /// every instance of `next_value_seed` cost 6.4 KB gzipped (measured), this costs nothing
    /// there (the steps are set by the non-generic `Items` and `Entries`).
    static PATH: RefCell<Vec<Step>> = const { RefCell::new(Vec::new()) };
}

/// Opens a level of the path; returns its depth.
/// Refuses an array or object of more than [`MAX_ITEMS`] entries, or one nested deeper than
/// [`MAX_DEPTH`], before any of it is read.
fn check_size(len: u32) -> Result<(), Error> {
    if len > MAX_ITEMS {
        return Err(Error::new(format!(
            "invalid length: more than {MAX_ITEMS} entries"
        )));
    }
    if PATH.with(|path| path.borrow().len()) >= MAX_DEPTH {
        return Err(Error::new(format!(
            "invalid value: nested deeper than {MAX_DEPTH} levels"
        )));
    }
    Ok(())
}

/// Refuses a string longer than [`MAX_TEXT`] before it is copied out of JS.
fn check_text(value: &JsValue) -> Result<(), Error> {
    match value.dyn_ref::<js_sys::JsString>() {
        Some(text) if text.length() > MAX_TEXT => Err(Error::new(format!(
            "invalid length: a string longer than {MAX_TEXT} characters"
        ))),
        _ => Ok(()),
    }
}

fn open_level() -> usize {
    PATH.with(|path| {
        let mut path = path.borrow_mut();
        path.push(Step::Between);
        path.len() - 1
    })
}

/// Sets what the level at `depth` is in.
fn set_level(depth: usize, step: Step) {
    PATH.with(|path| {
        if let Some(level) = path.borrow_mut().get_mut(depth) {
            *level = step;
        }
    });
}

/// Closes the level at `depth` and everything inside it.
fn close_level(depth: usize) {
    PATH.with(|path| path.borrow_mut().truncate(depth));
}

/// The path as text: `settings.dismissed[3]`; empty at the top.
fn path_text() -> String {
    PATH.with(|path| {
        let mut text = String::new();
        for step in path.borrow().iter() {
            match step {
                Step::Between => break,
                Step::Key(key) => {
                    if !text.is_empty() {
                        text.push('.');
                    }
                    text.push_str(&key.as_string().unwrap_or_default());
                }
                Step::Index(at) => text.push_str(&format!("[{at}]")),
            }
        }
        text
    })
}

/// Why a value did not decode. Boxed: every decoding step returns a `Result` with it, and an
/// error of one thin pointer keeps each of those small (measured: 3.3 KB gzipped less wasm than
/// a `String`, 2.4 KB less than a `Box<str>`).
#[derive(Debug)]
#[allow(clippy::box_collection)]
pub struct Error(Box<String>);

impl Error {
    /// An error at the current path: `path: message`.
    #[inline(never)]
    fn new(message: String) -> Self {
        let path = path_text();
        if path.is_empty() {
            Error(Box::new(message))
        } else {
            Error(Box::new(format!("{path}: {message}")))
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// What a JS value was, in words: serde's own wording prints the value, and printing a float
/// costs the module a float formatter.
fn kind(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Str(_) | Unexpected::Char(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        _ => "another kind of value",
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(msg.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::new(format!(
            "invalid type: {}, expected {expected}",
            kind(&unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::new(format!(
            "invalid value: {}, expected {expected}",
            kind(&unexpected)
        ))
    }
}

/// Most elements of an array, or keys of an object, read; a longer one is refused before any
/// element is copied (the core's own bounds on what it accepts are far lower).
pub const MAX_ITEMS: u32 = 4096;
/// Longest string read, in UTF-16 code units; a longer one is refused before it is copied.
pub const MAX_TEXT: u32 = 64 * 1024;
/// Deepest nesting of arrays and objects read.
pub const MAX_DEPTH: usize = 32;

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A JS value sorted by kind (only [`Value::any`] needs every kind).
enum Js {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Array),
    Object(Entries),
    Other,
}

/// A whole JS number as an integer (serde_json reads integers the same way).
enum Whole {
    Negative(i64),
    Positive(u64),
}

/// One JS value being decoded.
///
/// The `take_*` readers are not generic and not inlined: each type's decoder calls one of them
/// and holds a single branch, instead of its own copy of the checks and the error.
pub struct Value(pub JsValue);

impl Value {
    #[inline(never)]
    fn classify(self) -> Js {
        let value = self.0;
        if value.is_null() || value.is_undefined() {
            Js::Null
        } else if let Some(b) = value.as_bool() {
            Js::Bool(b)
        } else if let Some(n) = value.as_f64() {
            Js::Number(n)
        } else if let Some(s) = value.as_string() {
            Js::String(s)
        } else if Array::is_array(&value) {
            Js::Array(value.unchecked_into())
        } else {
            match Value(value).entries() {
                Ok(Some(entries)) => Js::Object(entries),
                _ => Js::Other,
            }
        }
    }

    /// "invalid type" for a value that is not of the kind the type reads.
    #[inline(never)]
    fn wrong(self, expected: &str) -> Error {
        let found = match self.classify() {
            Js::Null => "null",
            Js::Bool(_) => "a boolean",
            Js::Number(_) => "a number",
            Js::String(_) => "a string",
            Js::Array(_) => "an array",
            Js::Object(_) => "an object",
            Js::Other => "a value that is not JSON",
        };
        Error::new(format!("invalid type: {found}, expected {expected}"))
    }

    #[inline(never)]
    fn take_bool(self) -> Result<bool, Error> {
        self.0.as_bool().ok_or_else(|| self.wrong("a boolean"))
    }

    #[inline(never)]
    fn take_number(self) -> Result<f64, Error> {
        self.0.as_f64().ok_or_else(|| self.wrong("a number"))
    }

    #[inline(never)]
    fn take_integer(self) -> Result<Whole, Error> {
        let n = self.take_number()?;
        if n.fract() != 0.0 || n.abs() > MAX_SAFE {
            Err(Error::new(
                "invalid type: a fraction, expected an integer".to_string(),
            ))
        } else if n < 0.0 {
            Ok(Whole::Negative(n as i64))
        } else {
            Ok(Whole::Positive(n as u64))
        }
    }

    #[inline(never)]
    fn take_string(self) -> Result<String, Error> {
        check_text(&self.0)?;
        self.0.as_string().ok_or_else(|| self.wrong("a string"))
    }

    #[inline(never)]
    fn take_array(self) -> Result<Items, Error> {
        if Array::is_array(&self.0) {
            let items: Array = self.0.unchecked_into();
            check_size(items.length())?;
            Ok(Items::elements(items))
        } else {
            Err(self.wrong("an array"))
        }
    }

    /// The entries of a plain object (`None` for anything else); one over the bounds is refused
    /// before any of it is read.
    fn entries(&self) -> Result<Option<Entries>, Error> {
        if !self.is_plain_object() {
            return Ok(None);
        }
        let keys = Object::keys(self.0.unchecked_ref::<Object>());
        check_size(keys.length())?;
        Ok(Some(Entries {
            object: self.0.clone(),
            keys: Items::new(keys),
            depth: open_level(),
            value: JsValue::UNDEFINED,
        }))
    }

    #[inline(never)]
    fn take_object(self) -> Result<Entries, Error> {
        match self.entries()? {
            Some(entries) => Ok(entries),
            None => Err(self.wrong("an object")),
        }
    }

    #[inline(never)]
    fn take_null(self) -> Result<(), Error> {
        if self.is_nothing() {
            Ok(())
        } else {
            Err(self.wrong("null"))
        }
    }

    /// An externally tagged enum value: a string for a unit variant, or an object of one key
    /// (the variant) whose value holds the variant's data, as serde_json writes them.
    #[inline(never)]
    fn take_variant(self) -> Result<Variant, Error> {
        if let Some(name) = self.0.as_string() {
            return Ok(Variant {
                name,
                data: JsValue::NULL,
            });
        }
        let mut entries = self.take_object()?;
        let only = |key: Option<Value>| key.and_then(|k| k.0.as_string());
        match (only(entries.next_key()), entries.keys.next()) {
            (Some(name), None) => Ok(Variant {
                name,
                data: entries.take_value().0,
            }),
            _ => Err(Error::new(
                "invalid value: an object, expected an object of one variant".to_string(),
            )),
        }
    }

    /// `null` or `undefined`: both read as "missing".
    pub(crate) fn is_nothing(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    /// An object that is neither a function nor an array: what JSON calls an object.
    pub(crate) fn is_plain_object(&self) -> bool {
        self.0.is_object() && !self.0.is_function() && !Array::is_array(&self.0)
    }

    fn integer<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.take_integer()? {
            Whole::Negative(i) => visitor.visit_i64(i),
            Whole::Positive(u) => visitor.visit_u64(u),
        }
    }
}

/// `deserialize_X: visit_Y(take_Z)`: the method hands what one reader took to one visit method.
macro_rules! reads {
    ($($method:ident: $visit:ident($take:ident)),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                visitor.$visit(self.$take()?)
            }
        )*
    };
}

/// `deserialize_i8` … `deserialize_u64`: every integer type reads a whole number the same way.
macro_rules! integers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                self.integer(visitor)
            }
        )*
    };
}

/// Each `deserialize_*` reads only the kind of value its name asks for (the core's types say
/// what they expect; nothing here guesses).
impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        check_text(&self.0)?;
        if Array::is_array(&self.0) {
            check_size(self.0.unchecked_ref::<Array>().length())?;
        }
        match self.classify() {
            Js::Null => visitor.visit_unit(),
            Js::Bool(b) => visitor.visit_bool(b),
            Js::Number(n) => match Value(JsValue::from_f64(n)).take_integer() {
                Ok(Whole::Negative(i)) => visitor.visit_i64(i),
                Ok(Whole::Positive(u)) => visitor.visit_u64(u),
                Err(_) => visitor.visit_f64(n),
            },
            Js::String(s) => visitor.visit_string(s),
            Js::Array(items) => visitor.visit_seq(Items::elements(items)),
            Js::Object(entries) => visitor.visit_map(entries),
            Js::Other => Err(Error::new(
                "invalid type: a value that is not JSON".to_string(),
            )),
        }
    }

    integers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
    }

    reads! {
        deserialize_bool: visit_bool(take_bool),
        deserialize_f32: visit_f64(take_number),
        deserialize_f64: visit_f64(take_number),
        deserialize_char: visit_string(take_string),
        deserialize_str: visit_string(take_string),
        deserialize_string: visit_string(take_string),
        deserialize_bytes: visit_seq(take_array),
        deserialize_byte_buf: visit_seq(take_array),
        deserialize_seq: visit_seq(take_array),
        deserialize_map: visit_map(take_object),
        deserialize_identifier: visit_string(take_string),
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.is_nothing() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.take_null()?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.take_null()?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_seq(self.take_array()?)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_seq(self.take_array()?)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_map(self.take_object()?)
    }

    /// Only unit variants, written as their name (the core's enums on the wire).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self.take_variant()?)
    }

    /// A value the type skips (an unknown field of a lenient struct) is not read at all.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// The elements of a JS array (or an object's keys).
struct Items {
    items: Array,
    next: u32,
    /// The path level of an array being decoded; `None` for an object's keys.
    depth: Option<usize>,
}

impl Items {
    /// An object's keys: not a level of the path.
    fn new(items: Array) -> Self {
        Items {
            items,
            next: 0,
            depth: None,
        }
    }

    /// An array's elements: a level of the path.
    #[inline(never)]
    fn elements(items: Array) -> Self {
        Items {
            items,
            next: 0,
            depth: Some(open_level()),
        }
    }

    #[inline(never)]
    fn next(&mut self) -> Option<Value> {
        let at = self.next;
        let item = (at < self.items.length()).then(|| self.items.get(at));
        if let Some(depth) = self.depth {
            set_level(
                depth,
                item.as_ref().map_or(Step::Between, |_| Step::Index(at)),
            );
        }
        self.next += u32::from(item.is_some());
        item.map(Value)
    }
}

impl Drop for Items {
    fn drop(&mut self) {
        if let Some(depth) = self.depth {
            close_level(depth);
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.next().map(|item| seed.deserialize(item)).transpose()
    }
}

/// An enum variant's name and its data (`null` for a unit variant).
struct Variant {
    name: String,
    data: JsValue,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Value;

    fn variant_seed<T: de::DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Value), Error> {
        let name: de::value::StringDeserializer<Error> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, Value(self.data)))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        self.take_null()
    }

    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}

/// The own enumerable properties of a JS object, in their order.
struct Entries {
    object: JsValue,
    keys: Items,
    /// This object's level of the path.
    depth: usize,
    value: JsValue,
}

impl Drop for Entries {
    fn drop(&mut self) {
        close_level(self.depth);
    }
}

impl Entries {
    /// The next key; its value is kept for [`Entries::take_value`].
    #[inline(never)]
    fn next_key(&mut self) -> Option<Value> {
        let Some(key) = self.keys.next() else {
            set_level(self.depth, Step::Between);
            return None;
        };
        set_level(self.depth, Step::Key(key.0.clone()));
        self.value = Reflect::get(&self.object, &key.0).unwrap_or(JsValue::UNDEFINED);
        Some(key)
    }

    #[inline(never)]
    fn take_value(&mut self) -> Value {
        Value(std::mem::replace(&mut self.value, JsValue::UNDEFINED))
    }
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        self.next_key().map(|key| seed.deserialize(key)).transpose()
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.take_value())
    }
}
