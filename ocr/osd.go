package ocr

// #cgo LDFLAGS: -lleptonica -ltesseract
// #include <stdlib.h>
// #include <tesseract/capi.h>
// #include <leptonica/allheaders.h>
//
// static TessBaseAPI *osd_new(void) {
//	TessBaseAPI *api = TessBaseAPICreate();
//	if (TessBaseAPIInit3(api, NULL, "osd") != 0) {
//		TessBaseAPIDelete(api);
//		return NULL;
//	}
//	TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY);
//	TessBaseAPISetVariable(api, "debug_file", "/dev/null");
//	return api;
// }
//
// static int osd_detect(TessBaseAPI *api, const unsigned char *data, size_t n, int *deg, float *conf) {
//	PIX *pix = pixReadMem(data, n);
//	if (pix == NULL) {
//		return -1;
//	}
//	TessBaseAPISetImage2(api, pix);
//	TessBaseAPISetSourceResolution(api, 300);
//	const char *script = NULL;
//	float sconf = 0;
//	int ok = TessBaseAPIDetectOrientationScript(api, deg, conf, &script, &sconf);
//	// script points into Tesseract's own tables: it is not freed.
//	TessBaseAPIClear(api);
//	pixDestroy(&pix);
//	return ok ? 0 : -2;
// }
import "C"

import (
	"errors"
	"unsafe"
)

// osd detects the orientation of text on a page with Tesseract's
// orientation and script detection data (the osd language pack).
// Like a gosseract client, it is not safe for concurrent use.
type osd struct {
	api *C.TessBaseAPI
}

func newOSD() (*osd, error) {
	api := C.osd_new()
	if api == nil {
		return nil, errors.New("orientation data (tesseract-ocr-osd) is not installed")
	}
	return &osd{api: api}, nil
}

// detect returns how far the text in the encoded image pnm is turned
// clockwise, in degrees (0, 90, 180 or 270), and Tesseract's confidence in
// that answer. ok is false when the page holds too little text to tell.
func (o *osd) detect(pnm []byte) (deg int, conf float64, ok bool) {
	if len(pnm) == 0 {
		return 0, 0, false
	}
	var cdeg C.int
	var cconf C.float
	rc := C.osd_detect(o.api, (*C.uchar)(unsafe.Pointer(&pnm[0])), C.size_t(len(pnm)), &cdeg, &cconf)
	if rc != 0 {
		return 0, 0, false
	}
	return int(cdeg), float64(cconf), true
}

func (o *osd) close() {
	if o.api != nil {
		C.TessBaseAPIEnd(o.api)
		C.TessBaseAPIDelete(o.api)
		o.api = nil
	}
}
