// Package davsync syncs the contacts of a sqlite.Store with an address
// book on a CardDAV server (Nextcloud, Radicale, Fastmail, iCloud and
// others).
//
// Plan decides, from plain values, what a sync does; Syncer carries it
// out through a Client, which talks to the server with go-webdav and, for
// writes, with If-Match and If-None-Match headers, so that a card changed
// on the server since it was read is never overwritten. Edits on both
// sides come back as conflicts, and deletions wait for the user's
// confirmation. A contact is pushed under its own UID, to a path made
// from it, and a card new on the server is first matched with the
// contacts never synced, by UID and then as the same person, so that
// neither a person on both sides nor a sync cut short makes a duplicate.
package davsync

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-webdav/carddav"

	"followthrough/contacts/vcf"
)

var (
	// ErrInsecure is returned by Dial for a plain-http URL that the
	// user has not confirmed.
	ErrInsecure = errors.New("the address is plain http, which sends the password unencrypted")
	// ErrUnauthorized is returned, wrapped, when the server refuses the
	// user name or password.
	ErrUnauthorized = errors.New("the server refused the user name or password")
	// ErrChanged is returned, wrapped, when a card changed on the server
	// since it was read, and so was not overwritten or deleted.
	ErrChanged = errors.New("the card changed on the server")
	// ErrGone is returned, wrapped, when a card is no longer on the
	// server.
	ErrGone = errors.New("the card is not on the server")
)

// ErrRedirect is returned, wrapped in a RedirectError, when the server
// redirects to a plain-http address or to another host: the password is
// not sent there.
var ErrRedirect = errors.New("the server redirected elsewhere; the password was not sent there")

// A RedirectError is a redirect the client refused, so as not to send the
// password in clear (https to http) or to another host. Its Unwrap is
// ErrRedirect.
type RedirectError struct {
	From, To string // the addresses, without passwords
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("refused the redirect from %s to %s: %v (use the address it redirects to, if you trust it)", e.From, e.To, ErrRedirect)
}

func (e *RedirectError) Unwrap() error { return ErrRedirect }

// checkRedirect allows a redirect only to the same scheme, host and port
// as the first request, or from http to https on the same host; it
// refuses the others with a RedirectError before anything, password
// included, is sent there.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	from, to := via[0].URL, req.URL
	sameHost := strings.EqualFold(from.Host, to.Host) ||
		from.Scheme == "http" && to.Scheme == "https" && strings.EqualFold(from.Hostname(), to.Hostname())
	if !sameHost || from.Scheme == "https" && to.Scheme != "https" {
		return &RedirectError{From: from.Redacted(), To: to.Redacted()}
	}
	return nil
}

// Account says where a CardDAV server is and who the user is there.
type Account struct {
	URL      string // such as https://cloud.example.com/remote.php/dav
	User     string
	Password string
	// AllowHTTP lets a plain-http URL be used; the user must have
	// confirmed it.
	AllowHTTP bool
	// Timeout is how long one request may take, answer included;
	// 0 means DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout is how long one request to the server may take, from
// connecting to the end of its answer: a server that does not answer, or
// sends its answer a trickle at a time, fails the sync after it.
const DefaultTimeout = 30 * time.Second

// The most a server's answer may hold: any answer, such as the listing of
// an address book (a few hundred bytes a card), and one card, whose limit
// is the vCard reader's. Past them the request fails with ErrTooLarge
// rather than fill memory. Tests make them small.
var (
	maxAnswer int64 = 64 << 20
	maxCard   int64 = vcf.MaxCardBytes
)

// ErrTooLarge is returned, wrapped, when the server's answer is larger than
// an address book listing or a card can be.
var ErrTooLarge = errors.New("the server's answer is too large")

// ErrTimeout is returned, wrapped, when the server did not answer in time.
var ErrTimeout = errors.New("the server did not answer in time")

var (
	// ErrNoSuchHost is returned, wrapped, when the server's name is not
	// found (a typing mistake, or no network).
	ErrNoSuchHost = errors.New("no server has that name")
	// ErrUnreachable is returned, wrapped, when the server could not be
	// connected to (it is down, or the network is).
	ErrUnreachable = errors.New("the server could not be reached")
	// ErrUntrusted is returned, wrapped, when the server's certificate is
	// not one this computer trusts: nothing was sent.
	ErrUntrusted = errors.New("the server's certificate is not trusted")
)

// A Client talks to one CardDAV server as one user.
type Client struct {
	base *url.URL
	http *authClient
	dav  *carddav.Client
}

// An AddressBook is a collection of cards on the server.
type AddressBook struct {
	Path string // its path on the server; Syncer's Book
	Name string // its display name, or the last part of its path
}

// Dial returns a client for a's server. It checks the URL but does not
// connect: AddressBooks does.
func Dial(a Account) (*Client, error) {
	u, err := url.Parse(strings.TrimSpace(a.URL))
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("carddav: %q is not a server address such as https://cloud.example.com/", a.URL)
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !a.AllowHTTP {
			return nil, fmt.Errorf("carddav: %s: %w", u.Redacted(), ErrInsecure)
		}
	default:
		return nil, fmt.Errorf("carddav: %q: the address must start with https://", a.URL)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	timeout := a.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	hc := &authClient{
		c:    &http.Client{Timeout: timeout, CheckRedirect: checkRedirect},
		user: a.User, password: a.Password, timeout: timeout,
	}
	dav, err := carddav.NewClient(hc, u.String())
	if err != nil {
		return nil, fmt.Errorf("carddav: %s: %w", u.Redacted(), err)
	}
	return &Client{base: u, http: hc, dav: dav}, nil
}

// authClient adds basic authentication to each request, turns a 401
// answer into ErrUnauthorized and a timeout into ErrTimeout, and cuts any
// answer off at maxAnswer bytes.
type authClient struct {
	c              *http.Client
	user, password string
	timeout        time.Duration
}

func (a *authClient) Do(req *http.Request) (*http.Response, error) {
	if a.user != "" || a.password != "" {
		req.SetBasicAuth(a.user, a.password)
	}
	resp, err := a.c.Do(req)
	if err != nil {
		return nil, a.connectError(err)
	}
	if resp.StatusCode == http.StatusUnauthorized {
		resp.Body.Close()
		return nil, ErrUnauthorized
	}
	resp.Body = &limitedBody{ReadCloser: resp.Body, n: maxAnswer, timeout: a.timeout}
	return resp, nil
}

// connectError is err, of a request that got no answer, marked with what
// kind of failure it is, so that the app can say what to do about it:
// ErrTimeout, ErrNoSuchHost, ErrUntrusted or ErrUnreachable.
func (a *authClient) connectError(err error) error {
	var (
		ne      net.Error
		dns     *net.DNSError
		unknown x509.UnknownAuthorityError
		host    x509.HostnameError
		invalid x509.CertificateInvalidError
		op      *net.OpError
	)
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("%w (%s)", ErrTimeout, a.timeout)
	case errors.As(err, &dns):
		return fmt.Errorf("%w: %w", ErrNoSuchHost, err)
	case errors.As(err, &unknown), errors.As(err, &host), errors.As(err, &invalid):
		return fmt.Errorf("%w: %w", ErrUntrusted, err)
	case errors.As(err, &op):
		return fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	return err
}

func (b *limitedBody) tooLarge() error {
	return fmt.Errorf("%w: more than %s", ErrTooLarge, sizeText(maxAnswer))
}

// sizeText says n bytes in MiB, or KiB when less.
func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// limitedBody is an answer's body that fails with ErrTooLarge past n
// bytes, and with ErrTimeout when the client's timeout cuts it short.
type limitedBody struct {
	io.ReadCloser
	n       int64
	timeout time.Duration
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.n < 0 {
		return 0, b.tooLarge()
	}
	if int64(len(p)) > b.n+1 {
		p = p[:b.n+1]
	}
	n, err := b.ReadCloser.Read(p)
	b.n -= int64(n)
	if b.n < 0 {
		return n, b.tooLarge()
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		err = fmt.Errorf("%w (%s)", ErrTimeout, b.timeout)
	}
	return n, err
}

// AddressBooks returns the user's address books, sorted by name. It finds
// them from the user's principal, as CardDAV clients do, or, for a server
// that does not say, from /.well-known/carddav.
func (c *Client) AddressBooks(ctx context.Context) ([]AddressBook, error) {
	books, err := c.addressBooks(ctx, c.dav)
	if err != nil && !errors.Is(err, ErrUnauthorized) && c.base.Path == "/" {
		wk := *c.base
		wk.Path = "/.well-known/carddav"
		if dav, derr := carddav.NewClient(c.http, wk.String()); derr == nil {
			if b, werr := c.addressBooks(ctx, dav); werr == nil {
				books, err = b, nil
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("carddav: list address books at %s: %w", c.base.Redacted(), err)
	}
	return books, nil
}

func (c *Client) addressBooks(ctx context.Context, dav *carddav.Client) ([]AddressBook, error) {
	principal, err := dav.FindCurrentUserPrincipal(ctx)
	if err != nil {
		return nil, err
	}
	home, err := dav.FindAddressBookHomeSet(ctx, principal)
	if err != nil {
		return nil, err
	}
	found, err := dav.FindAddressBooks(ctx, home)
	if err != nil {
		return nil, err
	}
	books := make([]AddressBook, 0, len(found))
	for _, b := range found {
		name := b.Name
		if name == "" {
			name = path.Base(strings.TrimSuffix(b.Path, "/"))
		}
		books = append(books, AddressBook{Path: b.Path, Name: name})
	}
	sort.Slice(books, func(i, j int) bool { return books[i].Name < books[j].Name })
	return books, nil
}

// list returns the href and ETag of every card in book.
func (c *Client) list(ctx context.Context, book string) ([]RemoteState, error) {
	infos, err := c.dav.ReadDir(ctx, book, false)
	if err != nil {
		return nil, fmt.Errorf("carddav: list %s: %w", book, err)
	}
	var rs []RemoteState
	for _, fi := range infos {
		if fi.IsDir || strings.TrimSuffix(fi.Path, "/") == strings.TrimSuffix(book, "/") {
			continue
		}
		rs = append(rs, RemoteState{Href: fi.Path, ETag: quoteETag(fi.ETag)})
	}
	return rs, nil
}

// get returns the card at href and its ETag.
func (c *Client) get(ctx context.Context, href string) (card []byte, etag string, err error) {
	resp, err := c.do(ctx, http.MethodGet, href, nil, nil)
	if err != nil {
		return nil, "", fmt.Errorf("carddav: get %s: %w", href, err)
	}
	defer resp.Body.Close()
	card, err = io.ReadAll(io.LimitReader(resp.Body, maxCard+1))
	if err != nil {
		return nil, "", fmt.Errorf("carddav: get %s: %w", href, err)
	}
	if int64(len(card)) > maxCard {
		return nil, "", fmt.Errorf("carddav: get %s: %w: the card is more than %s", href, ErrTooLarge, sizeText(maxCard))
	}
	return card, resp.Header.Get("ETag"), nil
}

// put stores card at href and returns its new ETag. With ifMatch "" it
// creates the card and fails if there is one; otherwise it replaces the
// card only if its ETag is still ifMatch. Either way it fails with
// ErrChanged rather than overwrite a card it has not seen.
func (c *Client) put(ctx context.Context, href string, card []byte, ifMatch string) (string, error) {
	if ifMatch == "" {
		return c.write(ctx, href, card, http.Header{"If-None-Match": {"*"}})
	}
	return c.replace(ctx, href, card, ifMatch)
}

// replace stores card at href over the card whose ETag is etag, and
// returns its new ETag; it fails with ErrChanged if the card changed since.
func (c *Client) replace(ctx context.Context, href string, card []byte, etag string) (string, error) {
	h, err := c.precondition(ctx, href, etag)
	if err != nil {
		return "", fmt.Errorf("carddav: put %s: %w", href, err)
	}
	return c.write(ctx, href, card, h)
}

// usableETag reports whether etag can go in an If-Match header: a strong
// ETag. A server compares If-Match strongly, so a weak one (W/"...") would
// always fail, and an empty one is no ETag at all.
func usableETag(etag string) bool { return etag != "" && !strings.HasPrefix(etag, "W/") }

// precondition returns the headers that make a write to href happen only
// if the card there still has the ETag etag: If-Match for a strong ETag.
// For a weak or empty one, which is never sent, it reads the card's ETag
// now and fails with ErrChanged if it differs (weakly compared); a change
// made between that read and the write is then not seen, which such a
// server leaves no way to avoid.
func (c *Client) precondition(ctx context.Context, href, etag string) (http.Header, error) {
	if usableETag(etag) {
		return http.Header{"If-Match": {etag}}, nil
	}
	if etag == "" {
		return http.Header{}, nil
	}
	resp, err := c.do(ctx, http.MethodGet, href, nil, nil)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	now := resp.Header.Get("ETag")
	if strings.TrimPrefix(now, "W/") != strings.TrimPrefix(etag, "W/") {
		return nil, ErrChanged
	}
	return http.Header{}, nil
}

// write PUTs card at href with the headers h and returns its new ETag.
// The body is a vCard unless h gives another Content-Type.
func (c *Client) write(ctx context.Context, href string, card []byte, h http.Header) (string, error) {
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", "text/vcard; charset=utf-8")
	}
	resp, err := c.do(ctx, http.MethodPut, href, h, card)
	if err != nil {
		return "", fmt.Errorf("carddav: put %s: %w", href, err)
	}
	resp.Body.Close()
	if etag := resp.Header.Get("ETag"); usableETag(etag) {
		return etag, nil
	}
	// The server did not say: ask. A change made in between would be
	// taken for ours, which servers that return no ETag leave no way to
	// avoid.
	fi, err := c.dav.Stat(ctx, href)
	if err != nil {
		return "", fmt.Errorf("carddav: put %s: read its ETag: %w", href, err)
	}
	return quoteETag(fi.ETag), nil
}

// quoteETag returns etag as HTTP headers carry it, in double quotes:
// go-webdav's listings give it without them.
func quoteETag(etag string) string {
	if etag == "" || strings.HasPrefix(etag, `"`) || strings.HasPrefix(etag, "W/") {
		return etag
	}
	return `"` + etag + `"`
}

// remove deletes the card at href if its ETag is still ifMatch. A card
// already gone is not an error.
func (c *Client) remove(ctx context.Context, href, ifMatch string) error {
	h, err := c.precondition(ctx, href, ifMatch)
	if err == nil {
		var resp *http.Response
		if resp, err = c.do(ctx, http.MethodDelete, href, h, nil); err == nil {
			resp.Body.Close()
		}
	}
	if errors.Is(err, ErrGone) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("carddav: delete %s: %w", href, err)
	}
	return nil
}

// do sends a request for href and returns the response if its status is
// 2xx; a 412 is ErrChanged and a 404 ErrGone.
func (c *Client) do(ctx context.Context, method, href string, h http.Header, body []byte) (*http.Response, error) {
	ref, err := url.Parse(href)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base.ResolveReference(ref).String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusPreconditionFailed:
		return nil, ErrChanged
	case http.StatusNotFound, http.StatusGone:
		return nil, ErrGone
	}
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
	return nil, fmt.Errorf("server answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
}

// newUID returns a random UUID (version 4) for a new card.
func newUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
