package org.vfioworkbench.cli;

import org.vfioworkbench.engine.report.ReportFormat;
import picocli.CommandLine;

/** {@code --format markdown|text}: the review report's form. */
final class ReportFormatConverter implements CommandLine.ITypeConverter<ReportFormat> {

  @Override
  public ReportFormat convert(String value) {
    return ReportFormat.byId(value)
        .orElseThrow(
            () ->
                new CommandLine.TypeConversionException(
                    "unknown report format '" + value + "'; known formats: markdown, text"));
  }
}
