package tesseract

// #cgo LDFLAGS: -lleptonica -ltesseract
// #include <stdlib.h>
// #include <string.h>
// #include <tesseract/capi.h>
// #include <leptonica/allheaders.h>
//
// static TessBaseAPI *osd_new(const char *datapath) {
//	TessBaseAPI *api = TessBaseAPICreate();
//	if (TessBaseAPIInit3(api, datapath, "osd") != 0) {
//		TessBaseAPIDelete(api);
//		return NULL;
//	}
//	TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY);
//	TessBaseAPISetVariable(api, "debug_file", "/dev/null");
//	return api;
// }
//
// static int osd_detect(TessBaseAPI *api, const unsigned char *data, size_t n, int *deg, float *conf,
//		char *script_out, size_t script_len, float *script_conf) {
//	PIX *pix = pixReadMem(data, n);
//	if (pix == NULL) {
//		return -1;
//	}
//	TessBaseAPISetImage2(api, pix);
//	TessBaseAPISetSourceResolution(api, 300);
//	const char *script = NULL;
//	int ok = TessBaseAPIDetectOrientationScript(api, deg, conf, &script, script_conf);
//	// script points into Tesseract's own tables: it is copied, not freed.
//	script_out[0] = 0;
//	if (ok && script != NULL) {
//		strncpy(script_out, script, script_len - 1);
//		script_out[script_len - 1] = 0;
//	}
//	TessBaseAPIClear(api);
//	pixDestroy(&pix);
//	return ok ? 0 : -2;
// }
import "C"

import (
	"errors"
	"unsafe"

	"followthrough/ocr"
)

// osd detects the orientation of text on a page with Tesseract's
// orientation and script detection data (the osd language pack).
// Like a gosseract client, it is not safe for concurrent use.
type osd struct {
	api *C.TessBaseAPI
}

// ErrNoOrientationData is returned when Tesseract's orientation and
// script data (osd.traineddata, Debian's tesseract-ocr-osd) is missing.
var ErrNoOrientationData = errors.New("tesseract: orientation data (tesseract-ocr-osd) is not installed")

func newOSD() (*osd, error) {
	var datapath *C.char // NULL: the system's
	if dir := prefixFor(modelDir(), "osd"); dir != "" {
		datapath = C.CString(dir)
		defer C.free(unsafe.Pointer(datapath))
	}
	api := C.osd_new(datapath)
	if api == nil {
		return nil, ErrNoOrientationData
	}
	return &osd{api: api}, nil
}

// detect returns how far the text in the encoded image data is turned
// clockwise, in degrees (0, 90, 180 or 270), the script it is written in
// ("Latin", "Japanese", "Han"...), and Tesseract's confidence in each. ok
// is false when the page holds too little text to tell.
func (o *osd) detect(data []byte) (ocr.Orientation, bool) {
	if len(data) == 0 {
		return ocr.Orientation{}, false
	}
	var cdeg C.int
	var cconf, sconf C.float
	var script [64]C.char
	rc := C.osd_detect(o.api, (*C.uchar)(unsafe.Pointer(&data[0])), C.size_t(len(data)), &cdeg, &cconf,
		&script[0], C.size_t(len(script)), &sconf)
	if rc != 0 {
		return ocr.Orientation{}, false
	}
	return ocr.Orientation{Deg: int(cdeg), Conf: float64(cconf), Script: C.GoString(&script[0]), ScriptConf: float64(sconf)}, true
}

func (o *osd) close() {
	if o.api != nil {
		C.TessBaseAPIEnd(o.api)
		C.TessBaseAPIDelete(o.api)
		o.api = nil
	}
}
