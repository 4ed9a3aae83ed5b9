/**
 * GET /admin/prompt-templates and PUT /admin/prompt-templates/<name> (admins): the prompts the
 * assistant sends; each change raises the template's version and the next task uses it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const promptTemplatesKey = [...queryRoots.admin, 'prompt-templates'];

export function usePromptTemplates() {
  return useQuery({
    queryKey: promptTemplatesKey,
    queryFn: async ({ signal }) => (await api.get('/admin/prompt-templates', { signal })).items,
  });
}

export function useUpdatePromptTemplate(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, changes }) => api.put(`/admin/prompt-templates/${encodeURIComponent(name)}`, changes),
    ...options,
    onSuccess: (template, ...rest) => {
      queryClient.setQueryData(promptTemplatesKey, (old) => old?.map((t) => (t.name === template.name ? template : t)));
      options.onSuccess?.(template, ...rest);
    },
  });
}
