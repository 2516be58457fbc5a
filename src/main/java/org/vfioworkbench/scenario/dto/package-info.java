/**
 * The scenario file format, version 1, as Jackson reads and writes it: plain records whose fields
 * mirror the JSON one to one. Every field is optional at this level (missing values are null);
 * {@code org.vfioworkbench.scenario} checks what is required and maps the records to the model.
 * Nothing else of the project sees these types.
 */
package org.vfioworkbench.scenario.dto;
