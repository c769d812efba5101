package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"followthrough/app"
	"followthrough/assets"
	"followthrough/contacts"
)

// prefKeepInTray says whether closing the window keeps the app running in
// the system tray, to go on reminding.

// tray keeps the system tray's menu and icon in step with how many
// follow-ups are due: the menu's first item says how many and opens the
// reconnect list, and the icon carries the number as a badge.
type tray struct {
	setMenu func(*fyne.Menu)
	setIcon func(fyne.Resource)
	onOpen  func() // shows the window on the reconnect list
	onQuit  func()

	due    int // follow-ups due shown now; -1 before the first update
	people int // the people they are with
}

func newTray(setMenu func(*fyne.Menu), setIcon func(fyne.Resource), onOpen, onQuit func()) *tray {
	return &tray{setMenu: setMenu, setIcon: setIcon, onOpen: onOpen, onQuit: onQuit, due: -1}
}

// update shows how many of entries are due on today: overdue, or due
// today, the ones a reminder is sent for.
func (t *tray) update(entries []contacts.ReconnectItem, today contacts.Day) {
	if t == nil {
		return
	}
	_, due := app.DueSummary(entries, today)
	people := map[int64]bool{}
	for _, d := range due {
		people[d.ContactID] = true
	}
	n := len(due)
	if n == t.due && len(people) == t.people {
		return
	}
	t.due, t.people = n, len(people)
	t.setMenu(t.menu())
	icon, err := badgeIcon(n)
	if err != nil {
		log.Printf("tray: %v", err)
		icon = assets.Icon
	}
	t.setIcon(icon)
}

// menu is the tray's menu for t.due follow-ups due.
func (t *tray) menu() *fyne.Menu {
	due := fyne.NewMenuItem(app.DueTodayText(t.due, t.people), t.onOpen)
	quit := fyne.NewMenuItem("Quit", t.onQuit)
	quit.IsQuit = true
	return fyne.NewMenu("Follow Through",
		due,
		fyne.NewMenuItem("Open Follow Through", t.onOpen),
		fyne.NewMenuItemSeparator(),
		quit,
	)
}

// startTray puts the app in the desktop's system tray, and has closing the
// window keep it there when the user asked for that.
func (m *mainWindow) startTray(desk desktop.App) {
	m.tray = newTray(desk.SetSystemTrayMenu, desk.SetSystemTrayIcon, m.onShowReconnect, m.onQuit)
	desk.SetSystemTrayWindow(m.win) // a click on the icon shows the window
	m.win.SetCloseIntercept(m.onCloseWindow)
}

// trayUsable reports whether the app is in a system tray that the
// desktop shows now, for the window to be brought back from once hidden.
func (m *mainWindow) trayUsable() bool { return m.tray != nil && m.trayShown() }

// onShowReconnect shows the window, hidden or not, on the reconnect list.
func (m *mainWindow) onShowReconnect() {
	m.win.Show()
	m.win.RequestFocus()
	m.tabs.Select(m.reconnectTab)
}

// onCloseWindow hides the window, leaving the app in the tray to go on
// reminding, when the user asked for that and the desktop shows a tray to
// bring it back from; otherwise it quits.
func (m *mainWindow) onCloseWindow() {
	if !m.trayUsable() || !(app.LocalSettings{Preferences: m.app.Preferences()}).KeepInTray() {
		m.app.Quit()
		return
	}
	m.win.Hide()
	if !m.toldInTray {
		m.toldInTray = true
		m.app.SendNotification(fyne.NewNotification("Follow Through is still running",
			"It will remind you of follow-ups from the system tray. Quit from the tray's menu."))
	}
}

// badgeIcon is the app's icon with n in a red badge in its corner, or the
// plain icon when n is 0. Counts over 99 read "99+".
func badgeIcon(n int) (fyne.Resource, error) {
	if n <= 0 {
		return assets.Icon, nil
	}
	src, err := png.Decode(bytes.NewReader(assets.Icon.Content()))
	if err != nil {
		return nil, fmt.Errorf("decode the icon: %w", err)
	}
	const size = 64
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	draw.CatmullRom.Scale(img, img.Bounds(), src, src.Bounds(), draw.Over, nil)

	text := strconv.Itoa(n)
	if n > 99 {
		text = "99+"
	}
	// The badge: a white-ringed red circle in the top right corner.
	r := 17
	if len(text) > 2 {
		r = 20
	}
	cx, cy := size-r, r
	disc(img, cx, cy, r, color.NRGBA{0xff, 0xff, 0xff, 0xff})
	disc(img, cx, cy, r-2, color.NRGBA{0xd3, 0x2f, 0x2f, 0xff})

	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, err
	}
	pt := 22.0
	if len(text) > 1 {
		pt = 17
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: pt, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.White), Face: face}
	w := d.MeasureString(text)
	m := face.Metrics()
	d.Dot = fixed.Point26_6{
		X: fixed.I(cx) - w/2,
		Y: fixed.I(cy) + (m.Ascent-m.Descent)/2,
	}
	d.DrawString(text)

	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return fyne.NewStaticResource(fmt.Sprintf("tray-%s.png", text), buf.Bytes()), nil
}

// disc fills a circle of radius r around (cx, cy) in img with c, with its
// edge smoothed.
func disc(img *image.NRGBA, cx, cy, r int, c color.NRGBA) {
	for y := cy - r - 1; y <= cy+r+1; y++ {
		for x := cx - r - 1; x <= cx+r+1; x++ {
			if !(image.Point{x, y}).In(img.Bounds()) {
				continue
			}
			// Coverage of the pixel by the circle, from four samples.
			in := 0
			for _, o := range [][2]float64{{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}} {
				dx, dy := float64(x)+o[0]-float64(cx), float64(y)+o[1]-float64(cy)
				if dx*dx+dy*dy <= float64(r*r) {
					in++
				}
			}
			if in == 0 {
				continue
			}
			a := float64(in) / 4
			old := img.NRGBAAt(x, y)
			mix := func(o, n uint8) uint8 { return uint8(float64(o)*(1-a) + float64(n)*a) }
			img.SetNRGBA(x, y, color.NRGBA{mix(old.R, c.R), mix(old.G, c.G), mix(old.B, c.B), max(old.A, uint8(255*a))})
		}
	}
}
