import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { type } from './dom.ts';
import { ProfileForm } from '../../client/components/ProfileForm.tsx';
import type { Profile, Reply } from '../../shared/protocol.ts';

// Label as shown, the profile key the field fills, and whether the label says "(optional)".
const FIELDS: [string, keyof Profile, boolean][] = [
  ['Name', 'name', false],
  ['Email', 'email', false],
  ['Phone', 'phone', true],
  ['School', 'school', true],
  ['Programme', 'programme', true],
  ['Graduation year', 'graduationYear', true],
  ['LinkedIn or portfolio URL', 'link', true],
  ['Interests', 'interests', true],
];
const field = (label: string, optional = false) => screen.getByLabelText(optional ? `${label} (optional)` : label);
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Save my details' }));

function renderForm(save = vi.fn(async (_profile: Profile): Promise<Reply<unknown>> => ({ ok: true, data: null }))) {
  render(() => <ProfileForm profile={null} submitLabel="Save my details" save={save} />);
  return save;
}

describe('ProfileForm', () => {
  it('labels every field, and each label fills the matching profile field', () => {
    renderForm();
    for (const [label, key, optional] of FIELDS) expect(field(label, optional)).toHaveAttribute('name', key);
  });

  it('marks an empty name and a bad email next to the fields and sends nothing', () => {
    const save = renderForm();
    type(field('Email'), 'sam at example');
    submit();

    expect(save).not.toHaveBeenCalled();
    const name = field('Name');
    const email = field('Email');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter your name.');
    expect(within(name.parentElement!).getByText('Enter your name.')).toBeVisible();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter a valid email address, like sam@example.com.');
    expect(within(email.parentElement!).getByText('Enter a valid email address, like sam@example.com.')).toBeVisible();
    expect(field('Phone', true)).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the marked fields.');
    expect(name).toHaveFocus();
  });

  it('clears a field’s error as it is fixed, then saves the trimmed profile', async () => {
    const save = renderForm();
    submit();
    type(field('Name'), '  Sam Lee ');
    expect(field('Name')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Enter your name.')).toBeNull();
    type(field('Email'), ' sam@example.com  ');
    type(field('School', true), ' TU Berlin ');
    submit();

    expect(await screen.findByRole('status')).toHaveTextContent('Your details are saved.');
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({
      name: 'Sam Lee', email: 'sam@example.com', phone: '', school: 'TU Berlin',
      programme: '', graduationYear: '', link: '', interests: '',
    });
    expect(screen.getByRole('alert')).toHaveTextContent(/^$/);
  });

  it('shows the server’s field errors the same way, and keeps the button busy meanwhile', async () => {
    let answer!: (reply: Reply<unknown>) => void;
    const save = vi.fn((_profile: Profile) => new Promise<Reply<unknown>>((resolve) => (answer = resolve)));
    renderForm(save);
    type(field('Name'), 'Sam Lee');
    type(field('Email'), 'sam@example.com');
    submit();

    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    const message = 'That email is not accepted at this fair. Use your university address.';
    answer({ ok: false, error: { code: 'INVALID', message: 'Please correct the marked fields.', fields: { email: message } } });

    const email = field('Email');
    expect(await screen.findByText(message)).toBeVisible();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(message);
    expect(email).toHaveFocus();
    expect(field('Name')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('button', { name: 'Save my details' })).toBeEnabled();
    expect(screen.queryByText('Your details are saved.')).toBeNull();
  });

  it('starts from the saved profile when editing', () => {
    const profile: Profile = {
      name: 'Sam Lee', email: 'sam@example.com', phone: '+49 30 1234567', school: 'TU Berlin',
      programme: 'Computer Science', graduationYear: '2027', link: 'https://sam.example', interests: 'climate tech',
    };
    render(() => <ProfileForm profile={profile} submitLabel="Save changes" save={async () => ({ ok: true, data: null })} />);
    for (const [label, key, optional] of FIELDS) expect(field(label, optional)).toHaveValue(profile[key]);
  });
});
