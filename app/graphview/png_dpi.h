#pragma once
// Graphviz's cairo PNG renderer scales by the dpi but does not record it in
// the file; a pHYs chunk does, so image viewers and print dialogs size the
// picture as requested.
#include <string>

namespace paratrace::graphview {

// `png` with a pHYs chunk for `dpi` inserted after IHDR (replacing none:
// cairo writes none). Returns `png` unchanged if it is not a PNG.
std::string with_png_dpi(std::string png, double dpi);

}  // namespace paratrace::graphview
