package tesseract

import (
	"fmt"
	"image"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/otiai10/gosseract/v2"

	"followthrough/ocr"
)

// newClient starts a Tesseract client that reads with langs, their
// models loaded.
func newClient(langs []string) (*gosseract.Client, error) {
	c := gosseract.NewClient()
	if dir := prefixFor(modelDir(), langs...); dir != "" && !mixedLatin(langs, systemModels()) {
		c.SetTessdataPrefix(dir)
	}
	if err := c.SetLanguage(langs...); err != nil {
		c.Close()
		return nil, fmt.Errorf("tesseract: languages %v: %w", langs, err)
	}
	// A page segmentation mode set before the client first initialises is
	// lost (Init resets it), so it goes in as a variable, which gosseract
	// applies after Init.
	if err := c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(int(gosseract.PSM_AUTO))); err != nil {
		c.Close()
		return nil, fmt.Errorf("tesseract: page segmentation mode: %w", err)
	}
	// Tesseract's notes ("Estimating resolution as 518") go nowhere
	// rather than into the terminal of every scan.
	c.SetVariable("debug_file", os.DevNull)
	if err := load(c); err != nil {
		c.Close()
		return nil, fmt.Errorf("tesseract: languages %v: %w", langs, err)
	}
	return c, nil
}

// loading is held while a client loads its models. gosseract loads them
// on a client's first read, with the process's standard error pointed
// at /dev/null, and then puts back what it found there: two clients
// loading at once, on a batch's two workers, the second put back the
// first's /dev/null, and every later message of the app (an error of
// the command line, a crash's trace) went nowhere. One at a time, it is
// always put back. What another goroutine writes to standard error while
// a model loads is still lost.
var loading sync.Mutex

// load loads c's models, by reading a blank square with it.
func load(c *gosseract.Client) error {
	loading.Lock()
	defer loading.Unlock()
	_, err := recognize(c, blank, gosseract.PSM_AUTO, true)
	return err
}

// blank is what load reads: a white square, encoded.
var blank = func() []byte {
	g := image.NewGray(image.Rect(0, 0, 16, 16))
	for i := range g.Pix {
		g.Pix[i] = 0xff
	}
	return encodeImage(g)
}()

// shared holds the Tesseract clients that every engine of the process
// shares, one read at a time: orientation detection, and the languages of
// scripts other than Latin ("jpn+eng"). A card needs them far less often
// than the Latin client every engine keeps, and they are large: a
// Japanese client holds about 100 MB while it reads, the orientation data
// about 35 MB. With one of each in every worker, two workers took a
// batch of cards over 400 MB. They are closed when the last engine is.
var shared = clientPool{clients: map[string]*sharedClient{}}

type clientPool struct {
	mu      sync.Mutex
	engines int // open engines
	clients map[string]*sharedClient

	osdMu  sync.Mutex
	osd    *osd  // nil until first used
	osdErr error // why it could not start
}

// A sharedClient is read with by one engine at a time.
type sharedClient struct {
	mu sync.Mutex
	c  *gosseract.Client // nil until first used
}

// join counts an engine in.
func (p *clientPool) join() {
	p.mu.Lock()
	p.engines++
	p.mu.Unlock()
}

// leave counts an engine out, and closes the clients after the last.
func (p *clientPool) leave() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.engines--
	if p.engines > 0 {
		return nil
	}
	var err error
	for k, sc := range p.clients {
		sc.mu.Lock()
		if sc.c != nil {
			if cerr := sc.c.Close(); err == nil {
				err = cerr
			}
		}
		sc.mu.Unlock()
		delete(p.clients, k)
	}
	p.osdMu.Lock()
	if p.osd != nil {
		p.osd.close()
	}
	p.osd, p.osdErr = nil, nil
	p.osdMu.Unlock()
	return err
}

// read reads data with the shared client for langs, starting it if need
// be, once the engine using it, if any, is done.
func (p *clientPool) read(langs []string, data []byte, psm gosseract.PageSegMode, darkOnLight bool) ([]ocr.Line, error) {
	key := strings.Join(langs, "+")
	p.mu.Lock()
	sc, ok := p.clients[key]
	if !ok {
		sc = &sharedClient{}
		p.clients[key] = sc
	}
	p.mu.Unlock()

	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.c == nil {
		c, err := newClient(langs)
		if err != nil {
			return nil, err
		}
		sc.c = c
	}
	return recognize(sc.c, data, psm, darkOnLight)
}

// orientation detects the orientation and script of the encoded image
// data with the shared orientation client, as osd.detect does. ok is
// false when the orientation data is not installed.
func (p *clientPool) orientation(data []byte) (o ocr.Orientation, ok bool) {
	p.osdMu.Lock()
	defer p.osdMu.Unlock()
	if p.osd == nil && p.osdErr == nil {
		p.osd, p.osdErr = newOSD()
	}
	if p.osd == nil {
		return ocr.Orientation{}, false
	}
	return p.osd.detect(data)
}
