import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeEntity } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ApiError } from '../../../lib/api-client';
import { EntityForm } from './entity-form';

/** The form as a page holds it: the first save answers 3004 with `theirs`, later ones succeed. */
function Page({ entity, theirs, onSubmit }) {
  const [error, setError] = useState(null);
  return (
    <EntityForm
      entity={entity}
      error={error}
      onSubmit={(body) => {
        onSubmit(body);
        setError(onSubmit.mock.calls.length === 1 ? new ApiError({ errorCode: '3004', status: 409, data: { current: theirs } }) : null);
      }}
    />
  );
}

describe('editing a character someone else changed meanwhile (3004)', () => {
  it('Reload keeps the typed description, takes their name and attributes, and saves on their version', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    const mine = makeEntity({ entity_id: 'e1', name: 'Trãi', description: 'Cũ.', attributes: { tuổi: 40 }, version: 2 });
    const theirs = { ...mine, name: 'Nguyễn Trãi', attributes: { tuổi: 41, quê: 'Chi Ngại' }, version: 3 };
    renderWithProviders(<Page entity={mine} theirs={theirs} onSubmit={onSubmit} />);

    const description = screen.getByLabelText('Mô tả');
    await user.clear(description);
    await user.type(description, 'Nhà thơ.');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ description: 'Nhà thơ.', version: 2 });

    expect(screen.getByTestId('conflict')).toHaveTextContent('Người khác đã sửa nhân vật này từ lúc bạn mở nó');
    await user.click(screen.getByRole('button', { name: 'Tải lại' }));

    expect(screen.getByLabelText('Mô tả')).toHaveValue('Nhà thơ.');
    expect(screen.getByLabelText('Tên')).toHaveValue('Nguyễn Trãi');
    expect(screen.getByLabelText('Giá trị thuộc tính 1')).toHaveValue('41');
    expect(screen.getByLabelText('Tên thuộc tính 2')).toHaveValue('quê');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ description: 'Nhà thơ.', version: 3 });
  });
});
