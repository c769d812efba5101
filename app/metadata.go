package app

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/BurntSushi/toml"
)

// Metadata is what FyneApp.toml says about the app. That file is the one
// place the name, ID and version are written: main embeds it, and the
// fyne tool reads it to package the app.
type Metadata struct {
	Name, ID, Version string
	Build             int
	Website           string
}

// ParseMetadata reads the metadata from the contents of FyneApp.toml.
func ParseMetadata(data []byte) (Metadata, error) {
	var f struct {
		Website string
		Details struct {
			Name, ID, Version string
			Build             int
		}
	}
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f); err != nil {
		return Metadata{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	m := Metadata{Name: f.Details.Name, ID: f.Details.ID, Version: f.Details.Version, Build: f.Details.Build, Website: f.Website}
	if m.Name == "" || m.ID == "" || m.Version == "" {
		return Metadata{}, errors.New("FyneApp.toml: [Details] needs a Name, an ID and a Version")
	}
	return m, nil
}

// String is the name and version, as --version prints them.
func (m Metadata) String() string {
	s := m.Name + " " + m.Version
	if m.Build > 0 {
		s += fmt.Sprintf(" (build %d)", m.Build)
	}
	return s
}

// about is the app's metadata, as LoadMetadata read it.
var about = Metadata{Name: "Follow Through", ID: ID, Version: "(unknown version)"}

// LoadMetadata takes the app's name and version from the contents of
// FyneApp.toml, for --version, the About dialog and the window.
func LoadMetadata(fyneAppTOML []byte) error {
	m, err := ParseMetadata(fyneAppTOML)
	if err != nil {
		return err
	}
	about = m
	return nil
}

// About is the app's metadata: as in FyneApp.toml once LoadMetadata has
// read it.
func About() Metadata { return about }

// ID is the application ID, as in FyneApp.toml.
const ID = "org.example.followthrough"
