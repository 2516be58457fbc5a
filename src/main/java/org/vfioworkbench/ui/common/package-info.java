/** Small helpers shared by the workbench views: labels and formatting. */
package org.vfioworkbench.ui.common;
