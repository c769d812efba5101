package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPackageGraph checks which way the imports go: the window's toolkit,
// Fyne, stays in app/ui, so that what the window and the terminal share
// (app) and the command line (app/cli) build and test without it.
func TestPackageGraph(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("the package graph is read with go list: %v", err)
	}
	tests := []struct {
		pkg       string
		forbidden string // an import path prefix none of pkg's dependencies may have
	}{
		{"followthrough/app", "fyne.io/"},
		{"followthrough/app/cli", "fyne.io/"},
		{"followthrough/app/cli", "followthrough/app/ui"},
		{"followthrough/app", "followthrough/app/cli"},
	}
	for _, tt := range tests {
		t.Run(tt.pkg+" without "+tt.forbidden, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", "-test", tt.pkg).Output()
			if err != nil {
				t.Fatalf("go list %s: %v", tt.pkg, err)
			}
			for _, dep := range strings.Fields(string(out)) {
				if strings.HasPrefix(dep, tt.forbidden) {
					t.Errorf("%s depends on %s", tt.pkg, dep)
				}
			}
		})
	}
}
