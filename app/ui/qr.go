package ui

import (
	"errors"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/vcf"
)

// qrImage is the QR code of c's vCard, which a phone's camera reads
// straight into its contacts, and a line on what it leaves out.
func qrImage(c contacts.Contact) (image.Image, string, error) {
	code, omitted, err := app.ContactQR(c)
	if err != nil {
		return nil, "", err
	}
	caption := "Point your phone's camera at the code to add " + c.DisplayName() + " to its contacts."
	if len(omitted) > 0 {
		caption += "\nLeft out of the code, to keep it readable: " + listInWords(omitted) + "."
	}
	return code.Image(640), caption, nil
}

// listInWords joins items as a sentence does: "a, b and c".
func listInWords(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// showQR shows c's QR code in a dialog.
func showQR(win fyne.Window, c contacts.Contact) {
	img, caption, err := qrImage(c)
	if errors.Is(err, vcf.ErrTooBigForQR) {
		showInformation(win, "Too long for a QR code", "This card is too long for a code a phone can read. Export it as a .vcf file instead.")
		return
	}
	if err != nil {
		showError(win, "Could not make the QR code", err)
		return
	}
	code := canvas.NewImageFromImage(img)
	code.FillMode = canvas.ImageFillContain
	code.ScaleMode = canvas.ImageScalePixels
	code.SetMinSize(fyne.NewSize(360, 360))
	text := &widget.Label{Text: caption, Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustom("QR code for "+c.DisplayName(), "Close", container.NewBorder(nil, text, nil, nil, code), win)
	d.Resize(fyne.NewSize(460, 560))
	newDialogKeys(win).show(d, d.Hide, nil)
}
