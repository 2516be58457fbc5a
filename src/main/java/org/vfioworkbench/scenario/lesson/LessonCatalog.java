package org.vfioworkbench.scenario.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons the workbench ships: the files named, in teaching order, by {@code
 * org/vfioworkbench/lessons/index.json} ({@code {"lessons": ["reset-scope.json", ...]}}). Adding a
 * lesson is adding its file and one line to the index.
 */
public final class LessonCatalog {

  /** The class-path folder of the bundled lessons. */
  public static final String FOLDER = "org/vfioworkbench/lessons/";

  /** The index file in {@link #FOLDER}. */
  public static final String INDEX = "index.json";

  private LessonCatalog() {}

  /** The index's file names, in order. */
  public static List<String> files() throws LessonException {
    String resource = FOLDER + INDEX;
    try (InputStream in = LessonCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new LessonException(resource, "", "the lesson index is missing from this build");
      }
      Index index = new ObjectMapper().readValue(in, Index.class);
      if (index == null || index.lessons() == null) {
        throw new LessonException(
            resource, "lessons", "is required: the list of lesson files in order");
      }
      return List.copyOf(index.lessons());
    } catch (JsonProcessingException e) {
      throw new LessonException(resource, "", e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new LessonException(resource, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /** Every bundled lesson, in index order; the first broken one stops the load. */
  public static List<Lesson> bundled() throws LessonException {
    List<Lesson> out = new ArrayList<>();
    for (String f : files()) {
      out.add(LessonLoader.bundled(f));
    }
    return out;
  }

  /** The index file's shape. */
  record Index(List<String> lessons) {}
}
