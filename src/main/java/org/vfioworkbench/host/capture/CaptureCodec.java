package org.vfioworkbench.host.capture;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.vfioworkbench.io.AtomicFiles;
import org.vfioworkbench.io.Limit;
import org.vfioworkbench.io.LimitExceededException;
import org.vfioworkbench.io.RegularFiles;

/**
 * Reads and writes capture files: one JSON document (gzip-compressed when the name ends in {@code
 * .gz}) of the form
 *
 * <pre>{@code
 * {"format": "vfio-workbench-capture", "version": 1,
 *  "info": {"createdBy": ..., "createdAt": ..., "hostname": ..., "kernel": ..., "source": ...},
 *  "entries": {
 *    "/sys/bus/pci/devices": {"dir": ["0000:00:01.0"]},
 *    "/sys/bus/pci/devices/0000:00:01.0": {"link": "../../../devices/pci0000:00/0000:00:01.0"},
 *    "/sys/devices/pci0000:00/0000:00:01.0/class": {"text": "0x060400\n"},
 *    "/sys/devices/pci0000:00/0000:00:01.0/config": {"base64": "hoAQ..."},
 *    "/proc/4242/fd": {"error": "EACCES", "reason": "Permission denied"}}}
 * }</pre>
 *
 * File contents that are valid UTF-8 are stored as {@code text}, others as {@code base64}.
 */
public final class CaptureCodec {

  private static final JsonFactory JSON = new JsonFactory();

  private CaptureCodec() {}

  /** Writes durably and atomically through {@link AtomicFiles}. */
  public static void write(Capture capture, Path file) throws IOException {
    boolean gzip = file.getFileName() != null && file.getFileName().toString().endsWith(".gz");
    AtomicFiles.write(
        file,
        raw -> {
          if (gzip) {
            GZIPOutputStream out = new GZIPOutputStream(raw, 1 << 16);
            write(capture, out);
            out.finish();
          } else {
            OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16);
            write(capture, out);
            out.flush();
          }
        });
  }

  public static void write(Capture capture, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("format", Capture.FORMAT);
      g.writeNumberField("version", Capture.VERSION);
      CaptureInfo i = capture.info();
      g.writeObjectFieldStart("info");
      g.writeStringField("createdBy", i.createdBy());
      g.writeStringField("createdAt", i.createdAt());
      g.writeStringField("hostname", i.hostname());
      g.writeStringField("kernel", i.kernel());
      g.writeStringField("source", i.source());
      g.writeEndObject();
      g.writeObjectFieldStart("entries");
      for (Map.Entry<String, CaptureEntry> e : new TreeMap<>(capture.entries()).entrySet()) {
        g.writeRaw('\n');
        g.writeObjectFieldStart(e.getKey());
        writeEntry(g, e.getValue());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeEntry(JsonGenerator g, CaptureEntry entry) throws IOException {
    if (entry instanceof CaptureEntry.FileEntry f) {
      byte[] c = f.content();
      String text = utf8(c);
      if (text != null) {
        g.writeStringField("text", text);
      } else {
        g.writeStringField("base64", Base64.getEncoder().encodeToString(c));
      }
    } else if (entry instanceof CaptureEntry.LinkEntry l) {
      g.writeStringField("link", l.target());
    } else if (entry instanceof CaptureEntry.DirEntry d) {
      g.writeArrayFieldStart("dir");
      for (String n : d.names()) {
        g.writeString(n);
      }
      g.writeEndArray();
    } else if (entry instanceof CaptureEntry.ErrorEntry err) {
      g.writeStringField("error", err.code());
      if (!err.reason().isEmpty()) {
        g.writeStringField("reason", err.reason());
      }
    }
  }

  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** True when the file starts like a capture (gzip or a JSON object naming the format). */
  public static boolean looksLikeCapture(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = open(file, file.toString())) {
      byte[] head = in.readNBytes(256);
      return new String(head, StandardCharsets.UTF_8).contains(Capture.FORMAT);
    } catch (IOException e) {
      return false;
    }
  }

  public static Capture read(Path file) throws IOException {
    String name = file.toString();
    if (!Files.exists(file)) {
      throw new CaptureFormatException(name, "no such capture file");
    }
    try (InputStream in = open(file, name)) {
      return read(in, name);
    }
  }

  /**
   * Opens a regular file (a FIFO or device is refused before opening), decompressing gzip, and
   * bounded to {@link Limit#CAPTURE_BYTES} of decompressed data.
   */
  private static InputStream open(Path file, String name) throws IOException {
    InputStream in = new BufferedInputStream(RegularFiles.open(file), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    InputStream data = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    return new BufferedInputStream(RegularFiles.bounded(data, name, Limit.CAPTURE_BYTES), 1 << 16);
  }

  /** Parses a capture; {@code name} is used in error messages. */
  public static Capture read(InputStream in, String name) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      return new Reader(p, name).capture();
    } catch (JsonProcessingException e) {
      throw new CaptureFormatException(
          name,
          "not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** A streaming reader: a 10,000-function capture is tens of megabytes. */
  private static final class Reader {
    private final JsonParser p;
    private final String name;

    Reader(JsonParser p, String name) {
      this.p = p;
      this.name = name;
    }

    Capture capture() throws IOException {
      expect(p.nextToken(), JsonToken.START_OBJECT, "the file must be a JSON object");
      String format = null;
      int version = -1;
      CaptureInfo info = new CaptureInfo("", "", "", "", "");
      Map<String, CaptureEntry> entries = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "format" -> format = p.getValueAsString();
          case "version" -> version = p.getValueAsInt(-1);
          case "info" -> info = info(t);
          case "entries" -> entries = entries(t);
          default -> p.skipChildren();
        }
      }
      if (!Capture.FORMAT.equals(format)) {
        throw fail(
            "not a VFIO Workbench capture (\"format\" is "
                + quote(format)
                + ", expected \""
                + Capture.FORMAT
                + "\")");
      }
      if (version != Capture.VERSION) {
        throw fail(
            "capture version "
                + version
                + " is not supported (this build reads version "
                + Capture.VERSION
                + ")");
      }
      if (entries == null) {
        throw fail("the capture has no \"entries\" object");
      }
      return new Capture(info, entries);
    }

    private CaptureInfo info(JsonToken t) throws IOException {
      expect(t, JsonToken.START_OBJECT, "\"info\" must be an object");
      Map<String, String> m = new HashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        if (p.nextToken().isStructStart()) {
          p.skipChildren();
        } else {
          m.put(k, p.getValueAsString(""));
        }
      }
      return new CaptureInfo(
          m.getOrDefault("createdBy", ""),
          m.getOrDefault("createdAt", ""),
          m.getOrDefault("hostname", ""),
          m.getOrDefault("kernel", ""),
          m.getOrDefault("source", ""));
    }

    private Map<String, CaptureEntry> entries(JsonToken t) throws IOException {
      expect(t, JsonToken.START_OBJECT, "\"entries\" must be an object");
      Map<String, CaptureEntry> out = new HashMap<>(1 << 16);
      long max = Limit.CAPTURE_ENTRIES.value();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String path = p.currentName();
        if (out.size() >= max) {
          throw new LimitExceededException(name, Limit.CAPTURE_ENTRIES);
        }
        if (!path.startsWith("/")) {
          throw fail("entry " + quote(path) + " is not an absolute path");
        }
        expect(
            p.nextToken(), JsonToken.START_OBJECT, "entry " + quote(path) + " must be an object");
        out.put(path, entry(path));
      }
      return out;
    }

    private CaptureEntry entry(String path) throws IOException {
      CaptureEntry e = null;
      String error = null;
      String reason = "";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        JsonToken v = p.nextToken();
        switch (k) {
          case "text" ->
              e = new CaptureEntry.FileEntry(string(path, k, v).getBytes(StandardCharsets.UTF_8));
          case "base64" -> e = new CaptureEntry.FileEntry(base64(path, v));
          case "link" -> e = new CaptureEntry.LinkEntry(string(path, k, v));
          case "dir" -> e = new CaptureEntry.DirEntry(names(path, v));
          case "error" -> error = string(path, k, v);
          case "reason" -> reason = string(path, k, v);
          default -> p.skipChildren();
        }
      }
      if (error != null) {
        return new CaptureEntry.ErrorEntry(error, reason);
      }
      if (e == null) {
        throw fail("entry " + quote(path) + " has none of text, base64, link, dir or error");
      }
      return e;
    }

    private String string(String path, String field, JsonToken t) throws IOException {
      expect(
          t,
          JsonToken.VALUE_STRING,
          "entry " + quote(path) + ": \"" + field + "\" must be a string");
      return p.getText();
    }

    private byte[] base64(String path, JsonToken t) throws IOException {
      try {
        return Base64.getDecoder().decode(string(path, "base64", t));
      } catch (IllegalArgumentException ex) {
        throw fail("entry " + quote(path) + ": bad base64 (" + ex.getMessage() + ")");
      }
    }

    private List<String> names(String path, JsonToken t) throws IOException {
      expect(t, JsonToken.START_ARRAY, "entry " + quote(path) + ": \"dir\" must be an array");
      List<String> names = new ArrayList<>();
      long max = Limit.DIR_ENTRIES.value();
      for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
        if (n != JsonToken.VALUE_STRING) {
          throw fail("entry " + quote(path) + ": \"dir\" must hold names (strings)");
        }
        if (names.size() >= max) {
          throw new LimitExceededException(name + " " + quote(path), Limit.DIR_ENTRIES);
        }
        names.add(p.getText());
      }
      names.sort(null);
      for (int i = 1; i < names.size(); i++) {
        if (names.get(i).equals(names.get(i - 1))) {
          throw fail("entry " + quote(path) + ": \"dir\" lists " + quote(names.get(i)) + " twice");
        }
      }
      return names;
    }

    private void expect(JsonToken got, JsonToken want, String problem) throws IOException {
      if (got != want) {
        throw fail(problem);
      }
    }

    private CaptureFormatException fail(String problem) {
      int line = p.currentLocation().getLineNr();
      return new CaptureFormatException(name, problem + (line > 0 ? " (line " + line + ")" : ""));
    }

    private static String quote(String s) {
      return s == null ? "missing" : "\"" + s + "\"";
    }
  }
}
