package org.vfioworkbench.ui.help;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help › About: the versions of {@link AboutInfo} as a two-column grid of selectable text. */
public final class AboutDialog {

  private AboutDialog() {}

  /** The grid the dialog shows. */
  public static GridPane content(AboutInfo info) {
    GridPane g = new GridPane();
    g.setId("about-grid");
    g.setHgap(12);
    g.setVgap(4);
    int row = 0;
    for (AboutInfo.Line l : info.lines()) {
      Label name = new Label(l.name());
      name.getStyleClass().add("about-name");
      javafx.scene.control.TextField value = new javafx.scene.control.TextField(l.value());
      value.setEditable(false);
      value.getStyleClass().add("fact-text");
      value.setPrefColumnCount(Math.max(12, l.value().length()));
      g.addRow(row++, name, value);
    }
    return g;
  }

  public static void show(Window owner, AboutInfo info) {
    Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
    a.setTitle("About VFIO Workbench");
    a.setHeaderText(
        "VFIO Workbench: who may hot-reset a PCI device, under the Linux kernel's own rules");
    a.getDialogPane().setContent(content(info));
    a.initOwner(owner);
    a.show();
  }
}
