import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import { Combobox } from './combobox';
import { TagInput } from './tag-input';

const OPTIONS = [
  { value: 'a', label: 'Nguyễn Trãi' },
  { value: 'b', label: 'Nguyễn Phi Khanh' },
  { value: 'c', label: 'Lê Lợi' },
];

function Harness({ onSelect }) {
  const [text, setText] = useState('');
  const options = OPTIONS.filter((o) => o.label.toLowerCase().includes(text.toLowerCase()));
  return <Combobox label="Nhân vật" inputValue={text} onInputChange={setText} options={options} onSelect={(o) => { setText(o.label); onSelect(o); }} />;
}

describe('combobox', () => {
  it('is driven by the keyboard: ↓/↑ move, Enter picks, Escape closes', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<Harness onSelect={onSelect} />);
    const box = screen.getByRole('combobox', { name: 'Nhân vật' });
    await user.click(box);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('option')).toHaveLength(3);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(screen.getByRole('option', { name: 'Nguyễn Phi Khanh' })).toHaveAttribute('aria-selected', 'true');
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'Nguyễn Phi Khanh' }).id);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(OPTIONS[1]);
    expect(box).toHaveValue('Nguyễn Phi Khanh');
    expect(box).toHaveAttribute('aria-expanded', 'false');

    await user.clear(box);
    await user.type(box, 'lê');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });
});

describe('tag input', () => {
  function Tags({ onChange }) {
    const [value, setValue] = useState(['Ức Trai']);
    return <TagInput label="Bí danh" value={value} onChange={(next) => { setValue(next); onChange(next); }} />;
  }

  it('adds on Enter or comma, ignores duplicates, and Backspace in an empty box removes the last', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<Tags onChange={onChange} />);
    const input = screen.getByLabelText('Bí danh');
    await user.type(input, 'Trai{Enter}ức trai,');
    expect(onChange).toHaveBeenLastCalledWith(['Ức Trai', 'Trai']);
    await user.keyboard('{Backspace}');
    expect(onChange).toHaveBeenLastCalledWith(['Ức Trai']);
    await user.click(screen.getByRole('button', { name: 'Xoá “Ức Trai”' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });
});
