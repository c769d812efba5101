package receive

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/disintegration/imaging"

	"followthrough/ocr/render"
)

// chromium returns the path of the browser the page is tested in. With
// FOLLOWTHROUGH_REQUIRE_TOOLS=1, as make test sets it, its absence
// fails the test: setup.sh --test installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("FOLLOWTHROUGH_REQUIRE_TOOLS") == "1" {
		t.Fatal("chromium is not installed (./setup.sh --test installs it)")
	}
	t.Skip("chromium is not installed (./setup.sh --test installs it)")
	return ""
}

// The page in a real browser at a phone's size: three rendered cards
// chosen in the file input reach the sink, and the states the desktop
// reports come back to the page. FOLLOWTHROUGH_RECEIVE_SCREENSHOT names
// a file to keep a screenshot of the page in.
func TestPageInBrowser(t *testing.T) {
	browser := chromium(t)
	s, rec := startTest(t, Options{Event: "Atlanta Tech Meetup"})

	dir := t.TempDir()
	var files []string
	for i, card := range render.Samples()[:3] {
		p := filepath.Join(dir, fmt.Sprintf("card%d.jpg", i+1))
		if err := imaging.Save(render.Draw(card, 1050), p); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0],
		chromedp.ExecPath(browser),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		// The certificate is self-signed: the test accepts it as a user
		// would, having compared its fingerprint.
		chromedp.Flag("ignore-certificate-errors", true),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()

	err := chromedp.Do(ctx,
		// A Pixel 7: 412×915 CSS pixels.
		chromedp.EmulateViewport(412, 915, chromedp.EmulateScale(2.625), chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(s.URL()),
		chromedp.WaitVisible(chromedp.ID("shoot")),
	)
	if err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	fingerprint, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.ID("fingerprint")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, "Follow Through") || strings.TrimSpace(fingerprint) != s.Fingerprint() {
		t.Errorf("the page is titled %q and shows fingerprint %q", title, fingerprint)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("photos"), files)); err != nil {
		t.Fatal(err)
	}

	// Each card reaches the sink, once.
	for deadline := time.Now().Add(time.Minute); rec.count() < len(files) && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if rec.count() != len(files) {
		t.Fatalf("%d of %d cards reached the sink", rec.count(), len(files))
	}
	names := map[string]bool{}
	for _, u := range rec.got {
		names[u.Name] = true
		if u.Format != "jpeg" || u.Image.Bounds().Dx() != 1050 {
			t.Errorf("the sink got %q: %s, %v", u.Name, u.Format, u.Image.Bounds())
		}
	}
	for i := range files {
		if !names[fmt.Sprintf("card%d.jpg", i+1)] {
			t.Errorf("card%d.jpg did not reach the sink by its name (got %v)", i+1, names)
		}
	}

	// The desktop reports; the page shows it.
	ids := map[string]string{}
	for i, u := range rec.got {
		ids[u.Name] = fmt.Sprintf("card-%d", i+1)
	}
	s.Report(ids["card1.jpg"], Read, "")
	s.Report(ids["card2.jpg"], Saved, "")
	s.Report(ids["card3.jpg"], Problem, "no text found on it")
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const st = (id) => { const li = document.querySelector('li[data-id="' + id + '"]'); return li && li.dataset.state; };
		return st(`+quote(ids["card1.jpg"])+`) === "read" && st(`+quote(ids["card2.jpg"])+`) === "saved" &&
			st(`+quote(ids["card3.jpg"])+`) === "problem" && document.body.innerText.includes("no text found on it");
	})()`, chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		text, _ := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("body")))
		t.Fatalf("the page does not show the states reported (%v): %s", err, text)
	}

	// A card skipped in the review, after it was read.
	s.Report(ids["card1.jpg"], Skipped, "")
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const li = document.querySelector('li[data-id="`+ids["card1.jpg"]+`"]');
		return li && li.dataset.state === "skipped" && li.innerText.includes("Skipped");
	})()`, chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		text, _ := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("body")))
		t.Fatalf("the page does not show the card skipped (%v): %s", err, text)
	}

	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("FOLLOWTHROUGH_RECEIVE_SCREENSHOT"); p != "" {
		if err := os.WriteFile(p, shot, 0o644); err != nil {
			t.Error(err)
		}
	}

	// Receiving stops: the page says it cannot reach the computer.
	s.Stop()
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("status").textContent.includes("does not answer")`,
		chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		t.Errorf("after Stop the page does not say the computer is gone: %v", err)
	}
}

func quote(s string) string { return `"` + s + `"` }
