package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One expectation: a call and the result it must produce. Exactly one of {@code info}, {@code
 * reset} and {@code open} is present.
 *
 * @param row the row of the reference's scenario table this expectation checks ("S19")
 * @param about what it shows, in words
 * @param profile evaluate under this profile instead of the scenario's
 * @param caller the device fd INFO or HOT_RESET is called on
 * @param holder the holder that opens a file ({@code open} only)
 * @param info an INFO call
 * @param reset a HOT_RESET call
 * @param open a file the holder tries to open (and attach or bind, as the file says)
 * @param result the expected result
 */
@JsonPropertyOrder({
  "row", "about", "profile", "caller", "holder", "info", "reset", "open", "result"
})
public record ExpectDto(
    String row,
    String about,
    String profile,
    CallerDto caller,
    String holder,
    InfoCallDto info,
    ResetCallDto reset,
    FileDto open,
    ResultDto result) {}
