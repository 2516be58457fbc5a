package org.vfioworkbench.host.ioctl;

import java.util.List;
import java.util.Objects;

/**
 * The binary layout of one UAPI struct as the binding writes and reads it: its C name, size and the
 * offset and width of every member used. A layout test compiles a C program against the kernel's
 * headers and compares these numbers.
 *
 * @param cName the C type ({@code struct vfio_device_info})
 * @param size {@code sizeof}, the fixed part only for structs ending in a flexible array
 * @param fields the members the binding touches
 */
public record StructLayout(String cName, int size, List<Field> fields) {

  /**
   * One member.
   *
   * @param name the C member designator ({@code argsz}, {@code devices[0].segment})
   * @param offset {@code offsetof}
   * @param width {@code sizeof} the member
   */
  public record Field(String name, int offset, int width) {
    public Field {
      Objects.requireNonNull(name, "name");
    }
  }

  public StructLayout {
    Objects.requireNonNull(cName, "cName");
    fields = List.copyOf(fields);
  }

  public Field field(String name) {
    return fields.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(cName + " has no field " + name));
  }

  public int offset(String name) {
    return field(name).offset();
  }

  static Field u32(String name, int offset) {
    return new Field(name, offset, 4);
  }
}
