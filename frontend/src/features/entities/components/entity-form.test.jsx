import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeEntity } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ApiError } from '../../../lib/api-client';
import { EntityForm } from './entity-form';

describe('entity form', () => {
  it('creates a character with aliases as chips and number-or-text attributes', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<EntityForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText('Tên'), '  Nguyễn Trãi ');
    const aliases = screen.getByLabelText('Bí danh');
    await user.type(aliases, 'Ức Trai{Enter}');
    await user.type(aliases, 'Trai, Nguyễn Công');
    // A comma turns what was typed into a chip; a chip can be removed.
    expect(screen.getByRole('button', { name: 'Xoá bí danh “Trai”' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Xoá bí danh “Trai”' }));
    await user.selectOptions(screen.getByLabelText('Loại'), 'character');
    await user.type(screen.getByLabelText('Mô tả'), 'Nhà thơ, nhà chính trị.');

    await user.click(screen.getByRole('button', { name: 'Thêm thuộc tính' }));
    await user.type(screen.getByLabelText('Tên thuộc tính 1'), 'tuổi');
    await user.selectOptions(screen.getByLabelText('Kiểu của thuộc tính 1'), 'number');
    await user.type(screen.getByLabelText('Giá trị thuộc tính 1'), '42,5');
    await user.click(screen.getByRole('button', { name: 'Thêm thuộc tính' }));
    await user.type(screen.getByLabelText('Tên thuộc tính 2'), 'quê');
    await user.type(screen.getByLabelText('Giá trị thuộc tính 2'), 'Chí Linh');
    // An empty row is ignored.
    await user.click(screen.getByRole('button', { name: 'Thêm thuộc tính' }));

    await user.click(screen.getByRole('button', { name: 'Thêm nhân vật' }));

    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Nguyễn Trãi',
      // "Nguyễn Công" was still in the box: it counts.
      aliases: ['Ức Trai', 'Nguyễn Công'],
      entity_type: 'character',
      description: 'Nhà thơ, nhà chính trị.',
      attributes: { tuổi: 42.5, quê: 'Chí Linh' },
    });
  });

  it('refuses a number attribute that is not a number, and duplicate names', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<EntityForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Tên'), 'Lê Lợi');
    await user.click(screen.getByRole('button', { name: 'Thêm thuộc tính' }));
    await user.type(screen.getByLabelText('Tên thuộc tính 1'), 'tuổi');
    await user.selectOptions(screen.getByLabelText('Kiểu của thuộc tính 1'), 'number');
    await user.type(screen.getByLabelText('Giá trị thuộc tính 1'), 'bốn mươi');
    await user.click(screen.getByRole('button', { name: 'Thêm thuộc tính' }));
    await user.type(screen.getByLabelText('Tên thuộc tính 2'), 'tuổi');
    await user.type(screen.getByLabelText('Giá trị thuộc tính 2'), 'già');
    await user.click(screen.getByRole('button', { name: 'Thêm nhân vật' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Giá trị thuộc tính 1')).toHaveAccessibleDescription('Giá trị này phải là một số (vd. 42 hoặc 3,5).');
    expect(screen.getByLabelText('Tên thuộc tính 2')).toHaveAccessibleDescription('Tên thuộc tính này đã có ở dòng khác.');

    await user.click(screen.getAllByRole('button', { name: 'Xoá thuộc tính tuổi' })[0]);
    await user.click(screen.getByRole('button', { name: 'Thêm nhân vật' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ attributes: { tuổi: 'già' } }));
  });

  it('when editing, sends only what changed (attributes as a whole)', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    const entity = makeEntity({ name: 'Nguyễn Trãi', aliases: ['Ức Trai'], attributes: { tuổi: 42, quê: 'Chí Linh' }, description: 'Nhà thơ' });
    renderWithProviders(<EntityForm entity={entity} onSubmit={onSubmit} />);

    expect(screen.getByLabelText('Kiểu của thuộc tính 1')).toHaveValue('number');
    expect(screen.getByLabelText('Giá trị thuộc tính 1')).toHaveValue('42');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(onSubmit).toHaveBeenLastCalledWith({});

    await user.clear(screen.getByLabelText('Giá trị thuộc tính 1'));
    await user.type(screen.getByLabelText('Giá trị thuộc tính 1'), '43');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ attributes: { tuổi: 43, quê: 'Chí Linh' } });
  });

  it('shows a name clash (3002) on the name field, in words a writer understands', async () => {
    const error = new ApiError({ errorCode: '3002', status: 409, fields: { name: 'already taken' } });
    renderWithProviders(<EntityForm onSubmit={() => {}} error={error} />);
    expect(screen.getByLabelText('Tên')).toHaveAccessibleDescription('Tên này đã được dùng trong thế giới (tên và bí danh được so sánh không phân biệt dấu).');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says it in English too', async () => {
    const { default: i18n } = await import('../../../lib/i18n');
    await i18n.changeLanguage('en');
    const error = new ApiError({ errorCode: '3002', status: 409, fields: { name: 'already taken' } });
    renderWithProviders(<EntityForm onSubmit={() => {}} error={error} />);
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Already used in this world (names and aliases compare without accents).');
  });
});
