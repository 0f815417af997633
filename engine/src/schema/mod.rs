//! JSON Schemas: of the template format (for editors) and of the data
//! documents one template accepts.

mod data;
mod template;

pub use data::data_schema;
pub use template::template_schema;
