package org.vfioworkbench.archfixtures.jackson.model;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A model value that parses itself: formats are DTOs apart from the model. */
public record JsonValue(ObjectMapper mapper) {}
