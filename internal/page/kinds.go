package page

// Landmark is the region of a page a control or menu stands in.
type Landmark uint8

// Regions of a page a control can stand in.
const (
	RegionHeader Landmark = iota + 1
	RegionNav
	RegionMain
	RegionFooter
)

// Kind is what an entry is.
type Kind uint8

// Kinds of entries.
const (
	KindLink   Kind = iota + 1 // a or area, with or without href
	KindButton                 // button, [role=button], input[type=button]
	KindToggle                 // summary, or a button that opens a submenu
	KindText                   // a rendered-text list item (no element behind it)
)

// Control is what a control that is no entry does (Entry.Control). A person
// does not read such a control as one of the menu's places: the rules that
// compare, require or count entries leave it out.
type Control uint8

// What a control that is no entry does; the zero Control is an entry.
const (
	// ControlToggle opens or closes the submenu or panel of the entry it
	// stands beside ("+", a chevron button, an accordion button, "Menu").
	ControlToggle Control = iota + 1
	// ControlClose closes the panel it stands in, or goes back a level
	// ("Close menu", "Zurück", a back button named after the parent).
	ControlClose
	// ControlSkip is a skip link to another part of the page.
	ControlSkip
	// ControlForm submits or resets a form (a search button).
	ControlForm
)

// Tag is the element a Link was written in.
type Tag uint8

// Elements whose attributes reference other resources (Link.Tag).
const (
	TagA Tag = iota + 1
	TagArea
	TagImg
	TagSource
	TagScript
	TagLink
	TagIframe
	TagVideo
	TagAudio
	TagMeta
)

// Attr is the attribute a Link was written in.
type Attr uint8

// Attributes that reference other resources (Link.Attr).
const (
	AttrHref Attr = iota + 1
	AttrSrc
	AttrSrcset
	AttrUsemap
	AttrPoster
	AttrContent
)

// The model's enumerations are one byte each in memory (a page of a
// hundred thousand links holds as many entries: docs/BENCHMARKS.md) and
// their names in the JSON model, as strings; the zero value is "".
var (
	landmarkNames = [...]string{"", "header", "nav", "main", "footer"}
	kindNames     = [...]string{"", "link", "button", "toggle", "text"}
	controlNames  = [...]string{"", "toggle", "close", "skip", "form"}
	tagNames      = [...]string{"", "a", "area", "img", "source", "script", "link", "iframe", "video", "audio", "meta"}
	attrNames     = [...]string{"", "href", "src", "srcset", "usemap", "poster", "content"}
)

func (r Landmark) String() string { return landmarkNames[r] }
func (k Kind) String() string     { return kindNames[k] }
func (c Control) String() string  { return controlNames[c] }
func (t Tag) String() string      { return tagNames[t] }
func (a Attr) String() string     { return attrNames[a] }

// MarshalText writes the landmark's name.
func (r Landmark) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// MarshalText writes the control's name.
func (c Control) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// MarshalText writes the element's name.
func (t Tag) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// MarshalText writes the attribute's name.
func (a Attr) MarshalText() ([]byte, error) { return []byte(a.String()), nil }
