/** Documents the workbench opens: bundled samples, recent files, scenario files. */
package org.vfioworkbench.ui.files;
