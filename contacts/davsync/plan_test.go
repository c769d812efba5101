package davsync

import (
	"reflect"
	"testing"
)

func TestPlan(t *testing.T) {
	// synced is contact 1 as the last sync left it: card a.vcf, ETag
	// "1", unchanged since.
	synced := LocalState{ContactID: 1, Hash: "h1", Href: "a.vcf", ETag: `"1"`, SyncedHash: "h1"}
	editedHere := synced
	editedHere.Hash = "h2"
	deletedHere := synced
	deletedHere.Deleted, deletedHere.Hash = true, ""
	same := []RemoteState{{Href: "a.vcf", ETag: `"1"`}}
	editedThere := []RemoteState{{Href: "a.vcf", ETag: `"2"`}}

	tests := []struct {
		name   string
		local  []LocalState
		remote []RemoteState
		want   []Step
	}{
		{"nothing", nil, nil, nil},
		{"unchanged", []LocalState{synced}, same, nil},
		{"first sync",
			[]LocalState{{ContactID: 2, Hash: "x"}, {ContactID: 1, Hash: "y"}},
			[]RemoteState{{Href: "z.vcf", ETag: `"z"`}, {Href: "b.vcf", ETag: `"b"`}},
			[]Step{
				{Action: PushNew, ContactID: 1}, {Action: PushNew, ContactID: 2},
				{Action: PullNew, Href: "b.vcf", ETag: `"b"`}, {Action: PullNew, Href: "z.vcf", ETag: `"z"`},
			}},
		{"changed here", []LocalState{editedHere}, same,
			[]Step{{Action: Push, ContactID: 1, Href: "a.vcf", ETag: `"1"`}}},
		{"changed there", []LocalState{synced}, editedThere,
			[]Step{{Action: Pull, ContactID: 1, Href: "a.vcf", ETag: `"2"`}}},
		{"changed on both sides", []LocalState{editedHere}, editedThere,
			[]Step{{Action: Conflicting, ContactID: 1, Href: "a.vcf", ETag: `"2"`}}},
		{"deleted there", []LocalState{synced}, nil,
			[]Step{{Action: DeleteLocal, ContactID: 1, Href: "a.vcf"}}},
		{"deleted there, changed here", []LocalState{editedHere}, nil,
			[]Step{{Action: Conflicting, ContactID: 1, Href: "a.vcf"}}},
		{"deleted here", []LocalState{deletedHere}, same,
			[]Step{{Action: DeleteRemote, ContactID: 1, Href: "a.vcf", ETag: `"1"`}}},
		{"deleted here, changed there", []LocalState{deletedHere}, editedThere,
			[]Step{{Action: Conflicting, ContactID: 1, Href: "a.vcf", ETag: `"2"`}}},
		{"deleted on both sides", []LocalState{deletedHere}, nil,
			[]Step{{Action: Forget, ContactID: 1, Href: "a.vcf"}}},
		{"never synced and deleted", []LocalState{{ContactID: 3, Deleted: true}}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Plan(tt.local, tt.remote)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Plan =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestActionString(t *testing.T) {
	if PushNew.String() != "push new" || Forget.String() != "forget" || Action(99).String() != "unknown" {
		t.Errorf("names: %v %v %v", PushNew, Forget, Action(99))
	}
}
