package org.vfioworkbench.ui.info;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

class InfoViewModelTest {

  private WorkbenchState state;
  private InfoViewModel vm;

  @BeforeEach
  void setUp() {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("seed", BuiltInSamples.seedCase(), null);
    vm = new InfoViewModel(state);
  }

  @Test
  void openingADocumentShowsInfoForTheFirstOpenDevice() {
    assertThat(state.selectionProperty().get())
        .isEqualTo(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")));
    assertThat(vm.replyProperty().get().ret()).isEqualTo("0");
  }

  @Test
  void groupPathCallerGetsGroupIds() {
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.1")));
    InfoReply r = vm.replyProperty().get();
    assertThat(r.caller()).contains("qemu-vm1 fd 7");
    assertThat(r.flags()).isEqualTo("0x0");
    assertThat(r.entries())
        .extracting(InfoEntryRow::meaning)
        .containsExactly("group 20", "group 21");
  }

  @Test
  void aTooSmallArgszGivesEnospcWithTheCount() {
    state.select(new ElementRef.FileRef(new FdRef("qemu-vm1", 4)));
    vm.argszProperty().set(12);
    InfoReply r = vm.replyProperty().get();
    assertThat(r.ret()).startsWith("-ENOSPC");
    assertThat(r.count()).isEqualTo("2");
    assertThat(r.entries()).isEmpty();
  }

  @Test
  void aClosedDeviceHasNoInfo() {
    state.open("ws", BuiltInSamples.workstation(), null);
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:00:1f.3")));
    assertThat(vm.replyProperty().get().ret()).isEmpty();
    assertThat(vm.replyProperty().get().caller()).contains("needs an open device fd");
  }

  @Test
  void compareModeShowsTheOtherProfilesReply() {
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")));
    state.compareProfileProperty().set(org.vfioworkbench.engine.Profile.LINUX_5_15);
    assertThat(vm.replyProperty().get().compare()).startsWith("linux-5.15: ");
  }

  @Test
  void theTraceOfInfoIsTheCallWithTheArgszTheViewShows() {
    org.vfioworkbench.ui.trace.TraceViewModel trace =
        new org.vfioworkbench.ui.trace.TraceViewModel(state);
    state.select(new ElementRef.FileRef(new FdRef("qemu-vm1", 4)));
    vm.argszProperty().set(12);
    vm.showTrace();
    InfoReply r = vm.replyProperty().get();
    assertThat(r.argsz()).isEqualTo("12");
    assertThat(r.ret()).startsWith("-ENOSPC");
    assertThat(trace.titleProperty().get()).contains("argsz 12").endsWith("\u2192 -ENOSPC");
    assertThat(trace.rows()).anyMatch(row -> row.fact().contains("argsz 12"));
  }

  @Test
  void theCompareLineShowsOnlyWhenTheOtherProfileAnswersDifferently() {
    state.select(new ElementRef.FileRef(new FdRef("qemu-vm1", 4)));
    state.compareProfileProperty().set(state.profileProperty().get());
    assertThat(vm.replyProperty().get().compare()).isEmpty();
    state.compareProfileProperty().set(org.vfioworkbench.engine.Profile.LINUX_6_6);
    assertThat(vm.replyProperty().get().compare()).as("the same answer under 6.6").isEmpty();
    // a header-only buffer: 6.6 leaves the DEV_ID flags in the header, 6.10 does not
    vm.argszProperty().set(12);
    assertThat(vm.replyProperty().get().compare()).startsWith("linux-6.6: -ENOSPC");
  }
}
